"""Score newsline's attribution spans on PolNeAR (exact and overlap F1 for source, cue and content).

    .venv/bin/python bench/eval_statements.py [--polnear ../shared/eval/polnear] [--splits dev train]

Scores two cue finders: the perceptron (`cue_tagger`, what `statements` uses) and the span network (`span_tagger`, the default of `attributions`).
Prints a table per split and cue finder and writes bench/results/polnear_<split>.json.
"""
import argparse, json, time
from pathlib import Path
import pandas as pd
from newsline.polnear import evaluate
from newsline.cue_tagger import span_tagger, cue_tagger

ROOT = Path(__file__).resolve().parents[1]
ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument('--polnear', default=str(ROOT.parent/'shared/eval/polnear'))
ap.add_argument('--splits', nargs='+', default=['dev', 'train'])
a = ap.parse_args()
pd.set_option('display.width', 200); pd.set_option('display.max_columns', 20)
TARGET = {'source': (75, 85), 'cue': (75, 85), 'content': (60, 85)}
for split in a.splits:
    scores, cps = evaluate(Path(a.polnear)/split, tagger=cue_tagger())
    print(f'\nPolNeAR {split}, perceptron cues (what statements uses): {cps:,.0f} characters/second')
    print(scores.to_string())
    net = {}
    if span_tagger() is not None:
        nscores, ncps = evaluate(Path(a.polnear)/split, tagger=span_tagger())
        print(f'\nPolNeAR {split}, span-network cues (the default of attributions): {ncps:,.0f} characters/second')
        print(nscores.to_string())
        net = dict(chars_per_second_network=round(ncps), scores_network=nscores.reset_index().to_dict('records'))
    out = dict(split=split, chars_per_second=round(cps), scores=scores.reset_index().to_dict('records'), **net,
               targets_dev={k: dict(exact_f1=v[0], overlap_f1=v[1]) for k, v in TARGET.items()},
               date=time.strftime('%Y-%m-%d'))
    (ROOT/'bench/results').mkdir(parents=True, exist_ok=True)
    (ROOT/f'bench/results/polnear_{split}.json').write_text(json.dumps(out, indent=1))
