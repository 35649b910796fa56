"""Statements on real KCNA items that readings of the corpus found wrong, as they were fixed (skipped where ../shared is absent).

Each case is one kcna.kp item (by `article_id`) and what a reviewer said the row should be; the rules behind them are general,
these items are where they were first seen. The words of a statement depend on the whole item (the cue tagger and the
content-end ranker read the context), which is why they are checked on the items themselves and not on made-up sentences.
"""
import warnings

import pandas as pd
import pytest

from newsline.articles import load_articles
from newsline.statements import statements

CASES = ['8f3a78c871ea2284', 'a45591d18c56053b', '0cd333a2c4a058e9', 'c42c4293e8ffe960', '7fdec1d043f22d2b', 'd150db515906e9c2',
         '9ca70418d506a1b1', '21eca42a5c7eefad', 'e8d6babd9de82780', 'da1d697d4abdfc65', 'd1f5264e1302db3e', 'fe05675ea72e2652',
         'c4296dfbe9265b6e', 'c2e26692219ab46f']


def _statements_of(path, ids):
    "Statements of the articles `ids` of the corpus file at `path`."
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = load_articles(path, progress=False)
    return statements(df[df.article_id.isin(ids)])


@pytest.fixture(scope="module")
def rows(shared):
    return _statements_of(shared / "corpora/kcna_kp_2023-12_2024-11.jsonl", CASES)


def _of(rows, aid, cue=None):
    r = rows[rows.article_id == aid]
    return r if cue is None else r[r.cue == cue]


def test_fronted_participle_keeps_its_whole_clause(rows):
    # 'Expressing belief and confidence that X ... loyalty to the Party and revolution, the country and the people and the spirit
    # of devoted service, he had a photo session': the words run to the main clause's subject, not to the list's first comma
    c = _of(rows, '8f3a78c871ea2284', 'Expressing belief and confidence').content.iloc[0]
    assert c.endswith('the country and the people and the spirit of devoted service'), c
    c = _of(rows, 'a45591d18c56053b', 'Expressing belief').content.iloc[0]
    assert c.endswith('forged on the road of independence against imperialism, would grow stronger'), c


def test_two_title_holders_joined_by_and(rows):
    # 'The chairman of the Brazilian Center for ... and the chairman of the Brazilian Center for ... said': both, whole
    r = _of(rows, '0cd333a2c4a058e9', 'said')
    assert r.source_text.str.startswith('The chairman of the Brazilian Center for the Study of Songun Politics and').all()
    assert r.speaker.iloc[0] == 'Chairman of the Brazilian Center for the Study of Songun Politics'


def test_what_is_said_at_a_watched_test_has_its_day(rows):
    # 'The Missile Administration ... conducted test-fires ... on Wednesday. ... Kim Jong Un ... guided the test-fires.'
    r = _of(rows, 'c42c4293e8ffe960')
    assert (r[r.speaker == 'Kim Jong Un'].date == pd.Timestamp('2024-09-18')).all()


def test_participle_words_are_not_repeated(rows):
    # 'He said that X, adding that Y': X ... Y, not 'X, adding that Y ... Y'
    c = _of(rows, '7fdec1d043f22d2b', 'said')
    c = c[c.content.str.contains('six tons of rice')].content.iloc[0]
    assert c.count('that seeds, water and fertilizer') == 1 and ', adding' not in c, c


def test_whole_item_words_and_speech_end(rows):
    c = _of(rows, 'd150db515906e9c2').query('cue.isna()').content.iloc[0]
    assert c.startswith('An unidentified drone appeared') and not c.rstrip().endswith('-0-'), c  # no author line, no end mark
    c = _of(rows, '9ca70418d506a1b1', 'went on to say').content.iloc[0]
    assert 'And he clearly reaffirmed' not in c and c.endswith("response posture."), c  # the speech ends where the report goes on


def test_a_reply_to_a_message_is_no_statement(rows):
    assert 'replied' not in set(_of(rows, '21eca42a5c7eefad').cue.dropna())


def test_fronted_call_keeps_its_words(rows):
    # 'Calling for decisively raising the water-passage capacity ..., he instructed ...': the words are the call's 'for' phrase (they
    # were empty), and run over 'and opting for ...' up to the main clause's subject
    r = _of(rows, 'e8d6babd9de82780', 'Calling')
    assert r.content.iloc[0].startswith('for decisively raising the water-passage capacity') and r.kind.iloc[0] == 'appeal', r.content.iloc[0]
    c = _of(rows, 'da1d697d4abdfc65', 'Calling').content.iloc[0]
    assert c.endswith('opting for proactively introducing artificial intelligence technology into the development of drones'), c


def test_kcna_condemnation_words(rows):
    # 'the "liberal democracy" is, in essence, based on the jungle law'; 'NATO is making desperate efforts to bring a new war cloud'
    assert _of(rows, 'd1f5264e1302db3e', 'says').kind.iloc[0] == 'criticize'
    assert _of(rows, 'fe05675ea72e2652', 'disclosed').kind.iloc[0] == 'criticize'


def test_words_run_past_an_abbreviation_and_a_cue_ends_before_in_connection_with(rows):
    # 'secretary of the C.C., WPK, paid a condolatory visit ...': the abbreviation's full stop ends no words (reading 125, row 8)
    c = _of(rows, 'c4296dfbe9265b6e', 'in the message expressed').content.iloc[0]
    assert c.endswith('General Secretary Nguyen Phu Trong'), c
    # 'issued a press statement in connection with the fact that ...': 'in' opens the words' phrase, the cue ends at the noun
    r = _of(rows, 'c2e26692219ab46f', 'issued a press statement')
    assert len(r) == 1 and r.content.iloc[0].startswith('that the U.S. and the ROK recently held'), r


NEWS_LINKED = ['007dea2baf654a73', '6a484ac5ebd07c57', 'a626173bea98659e', 'f9aff1a983d7acd5', 'b9545aee0ca90ad9', 'cf48111f23cc30b2']


@pytest.fixture(scope="module")
def news_rows(shared):
    return _statements_of(shared / "corpora/news_articles_2016-2017.csv", NEWS_LINKED)


def test_linked_headline_glued_to_a_sentence_is_no_part_of_its_statements(news_rows):
    # the 2016-2017 news lost the line break after 'READ MORE: <headline>': the headline ran into the next sentence's words
    assert not news_rows.content.fillna('').str.contains('READ MORE').any()
    r = _of(news_rows, '007dea2baf654a73', 'told')  # '... crackdown "We want to let them know ...," a Buddhist monk named Thuseitta ... told AFP'
    r = r[r.speaker == 'Thuseitta']
    assert len(r) == 1 and r.content.iloc[0].startswith('"We want to let them know'), r
    r = _of(news_rows, '6a484ac5ebd07c57', 'also told')  # 'an unnamed spokesman of the Seoul Central District Prosecutors Office also told'
    assert len(r) == 1 and r.content.iloc[0].startswith('"We will decide Wednesday'), r
    # "READ MORE: Syria operations 'will continue until the end', says Erdogan The Turkish army ...": the headline's verb is no statement
    assert not ((news_rows.article_id == 'cf48111f23cc30b2') & (news_rows.cue == 'says') & (news_rows.speaker.str.contains('Erdogan'))).any()
