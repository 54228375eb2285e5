"""Full-text search: words, phrases, prefixes, numbers, names and hostile input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zvdesk.store import HIT_END, HIT_START, Store
from zvdesk.store.search import parse_query

from .conftest import record


@pytest.fixture
def filled(store: Store) -> Store:
    store.upsert_messages(
        [
            record(logid="a", t=1, message="Your parcel is at the depot", name="Josiah Mills"),
            record(logid="b", t=2, message="Where is my tracking number?", name="Josiah Mills"),
            record(logid="c", t=3, message="The number for tracking is 4471", name="Josiah Mills"),
            record(
                logid="d", t=4, message="Café crème <b>bold</b> & co", customer="+44 20 7946 0958",
                name="Amélie Durand",
            ),
            record(logid="e", t=5, message="refund please", customer="+1 212 555 0199", name=""),
        ]
    )  # fmt: skip
    return store


def _logids(hits: list) -> list[str | None]:  # type: ignore[type-arg]
    return [h.logid for h in hits if h.source == "message"]


def test_single_word_newest_first(filled: Store) -> None:
    hits = filled.search("tracking")
    assert _logids(hits) == ["c", "b"]
    assert hits[0].snippet == f"The number for {HIT_START}tracking{HIT_END} is 4471"
    assert hits[0].conversation_id == filled.message("c").conversation_id  # type: ignore[union-attr]


def test_phrase_matches_adjacent_words_only(filled: Store) -> None:
    assert _logids(filled.search('"tracking number"')) == ["b"]
    assert _logids(filled.search("tracking number")) == ["c", "b"]  # words: both, any order


def test_unterminated_phrase_and_prefix(filled: Store) -> None:
    assert _logids(filled.search('"tracking numb')) == []
    assert _logids(filled.search("track*")) == ["c", "b"]
    assert _logids(filled.search('"tracking" numb*')) == ["c", "b"]


def test_accents_and_case_are_ignored(filled: Store) -> None:
    assert _logids(filled.search("CAFE")) == ["d"]
    assert _logids(filled.search("creme")) == ["d"]


def test_snippet_is_plain_text_not_html(filled: Store) -> None:
    (hit,) = [h for h in filled.search("bold") if h.source == "message"]
    # markers are control characters; the text itself is neither escaped nor HTML
    assert hit.snippet == f"Café crème <b>{HIT_START}bold{HIT_END}</b> & co"


def test_number_in_text_and_partial_customer_number(filled: Store) -> None:
    assert _logids(filled.search("4471")) == ["c"]
    hits = filled.search("7946 0958")
    assert [(h.source, h.logid) for h in hits] == [("contact", "d")]
    assert HIT_START + "79460958" + HIT_END in hits[0].snippet
    (contact,) = filled.search("555-0199")
    assert contact.source == "contact" and contact.logid == "e"
    assert contact.snippet == f"1212{HIT_START}5550199{HIT_END}"  # no name: the number alone


def test_name_search_finds_the_conversation(filled: Store) -> None:
    hits = filled.search_contacts("josi")
    assert len(hits) == 1 and hits[0].logid == "c"  # the conversation's last message
    assert hits[0].snippet.startswith(f"{HIT_START}Josi{HIT_END}ah Mills (")
    assert filled.search_contacts("mills josiah")[0].logid == "c"  # every term, any order
    assert filled.search_contacts("jo") == []  # too short for trigrams


def test_limit_and_order_across_many_matches(store: Store) -> None:
    store.upsert_messages(
        [
            record(t=i, message=f"status update {i}", customer=f"+1 415 555 {i:04d}")
            for i in range(120)
        ]
    )
    hits = store.search("update", limit=50)
    assert len(hits) == 50
    times = [h.submitted_time for h in hits]
    assert times == sorted(times, reverse=True)  # type: ignore[type-var]
    assert hits[0].snippet.endswith("119")


HOSTILE = [
    '"', '""', "'", "*", "**", "AND(", "OR", "NOT", "NEAR(a b, 2)", "a AND", "(", ")", "^start",
    "col:umn", "body:x", "{a b}", "a + b", "-", "\\", "%_", "'; DROP TABLE messages; --", "\x00",
    "\x02\x03", "😀", "a\"b", '"a" "', "NEAR", "tracking AND(", "*tracking", "track**", "",
    "   ", "\u202e", "(tracking OR)", '"unterminated AND "', "0\x00", "track\x00ing 4471\x00",
]  # fmt: skip


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise(filled: Store, query: str) -> None:
    filled.search(query)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_any_text_is_a_valid_query(query: str) -> None:
    assert all(t.text.strip() and "\x00" not in t.text for t in parse_query(query))
    with Store(":memory:") as mem:
        mem.upsert_messages([record(message="some text here")])
        mem.search(query)


def test_parse_query_terms() -> None:
    terms = parse_query('refund "tracking number" sku* AND( "')
    assert [(t.text, t.prefix) for t in terms] == [
        ("refund", False),
        ("tracking number", False),
        ("sku", True),
        ("AND(", False),
    ]


def test_renamed_customer_is_found_by_the_new_name_only(filled: Store) -> None:
    filled.upsert_messages([record(t=9, message="hi", name="Joe Mills-Parker")])
    assert filled.search_contacts("josiah") == []
    (hit,) = filled.search_contacts("parker")
    assert hit.snippet.startswith("Joe Mills-")
    assert hit.logid == filled.conversations()[0].last_logid


@settings(max_examples=60)
@given(
    numbers=st.lists(st.text("012", min_size=7, max_size=12), min_size=1, max_size=40),
    query=st.text("012", min_size=3, max_size=5),
    recent=st.integers(1, 8),
    cap=st.integers(1, 8),
    limit=st.integers(1, 6),
)
def test_partial_number_search_matches_a_plain_substring_scan(
    tmp_path_factory: pytest.TempPathFactory,
    numbers: list[str],
    query: str,
    recent: int,
    cap: int,
    limit: int,
) -> None:
    """Whichever path answers (the recent walk, the suffix index, the walk of the whole list),
    a partial number finds the conversations whose number contains it, highest in the list
    first, as a substring test over every conversation would."""
    from zvdesk.store import search

    path = tmp_path_factory.mktemp("numbers") / "cache.sqlite3"
    with Store(path) as store:
        store.upsert_messages(
            [record(customer=number, t=i, message="hi") for i, number in enumerate(numbers)]
        )
        rows = store.connection.execute(
            "SELECT id, customer_number FROM conversations ORDER BY list_rank DESC"
        ).fetchall()
        expected = [cid for cid, number in rows if query in number][:limit]
        old = (search.RECENT_SCAN, search.NUMBER_CAP)
        search.RECENT_SCAN, search.NUMBER_CAP = recent, cap
        try:
            hits = store.search_contacts(query, limit=limit)
        finally:
            search.RECENT_SCAN, search.NUMBER_CAP = old
        assert [h.conversation_id for h in hits] == expected
        for hit in hits:
            assert f"{HIT_START}{query}{HIT_END}" in hit.snippet
