"""`sipcli.load.positions`: from a model location to a 1-based position in the file."""

from __future__ import annotations

import datetime as dt

import pytest
from ruamel.yaml.comments import CommentedMap

from sipcli.load.positions import Located, locate, walk
from sipcli.load.source import parse

#   column:  1234567890123456789012345678901234567890
TEXT = """\
# A comment first, so the root mapping starts on line 2.
schema_version: 1
school:
  name: Test School
  grades: [K, 1, 2]
goals:
  - id: G1
    target: {value: 40, by: 2027-09-30}
  -   id: G2
      benchmarks:
        - id: B1
          due:
            - 2026-01-15
            - 2026-04-15
empty: {}
last: x
"""


@pytest.fixture(scope="module")
def data() -> CommentedMap:
    return parse(TEXT)


def at(line: int, column: int, *path: str | int) -> Located:
    return Located(line, column, tuple(path))


# --- key, value and parent anchors ----------------------------------------------------------


def test_key_anchor_points_at_the_key(data: CommentedMap) -> None:
    assert locate(data, ("school", "name"), "key") == at(4, 3, "school", "name")


def test_value_anchor_points_at_the_value(data: CommentedMap) -> None:
    assert locate(data, ("school", "name"), "value") == at(4, 9, "school", "name")


def test_value_is_the_default_anchor(data: CommentedMap) -> None:
    assert locate(data, ("school", "name")) == at(4, 9, "school", "name")


def test_top_level_key_and_value(data: CommentedMap) -> None:
    assert locate(data, ("schema_version",), "key") == at(2, 1, "schema_version")
    assert locate(data, ("schema_version",), "value") == at(2, 17, "schema_version")


def test_value_of_a_section_is_its_first_key(data: CommentedMap) -> None:
    assert locate(data, ("school",), "key") == at(3, 1, "school")
    assert locate(data, ("school",), "value") == at(4, 3, "school")


def test_parent_anchor_on_a_mapping_points_at_its_start(data: CommentedMap) -> None:
    # A missing key is reported at the mapping that lacks it; the loc names the missing key.
    assert locate(data, ("school", "district"), "parent") == at(4, 3, "school")


def test_parent_anchor_at_the_root_is_the_first_key_after_comments(data: CommentedMap) -> None:
    assert locate(data, ("plan",), "parent") == at(2, 1)


def test_empty_loc_is_the_start_of_the_root(data: CommentedMap) -> None:
    for anchor in ("key", "value", "parent"):
        assert locate(data, (), anchor) == at(2, 1)  # type: ignore[arg-type]


def test_parent_anchor_on_an_empty_flow_mapping(data: CommentedMap) -> None:
    assert locate(data, ("empty", "statement"), "parent") == at(15, 8, "empty")


# --- sequences ------------------------------------------------------------------------------


def test_item_of_a_block_sequence_points_at_its_first_key(data: CommentedMap) -> None:
    assert locate(data, ("goals", 0)) == at(7, 5, "goals", 0)
    # Extra spaces after the dash move the item's position with them.
    assert locate(data, ("goals", 1)) == at(9, 7, "goals", 1)


def test_parent_anchor_on_a_sequence_item(data: CommentedMap) -> None:
    assert locate(data, ("goals", 1, "statement"), "parent") == at(9, 7, "goals", 1)


def test_item_of_a_flow_sequence(data: CommentedMap) -> None:
    assert locate(data, ("school", "grades", 0)) == at(5, 12, "school", "grades", 0)
    assert locate(data, ("school", "grades", 2)) == at(5, 18, "school", "grades", 2)


def test_deep_item(data: CommentedMap) -> None:
    loc = ("goals", 1, "benchmarks", 0, "due", 1)
    assert locate(data, loc) == at(14, 15, *loc)


def test_key_anchor_on_a_sequence_item_is_the_item(data: CommentedMap) -> None:
    assert locate(data, ("goals", 1, "benchmarks", 0), "key") == at(
        11, 11, "goals", 1, "benchmarks", 0
    )


# --- flow mappings --------------------------------------------------------------------------


def test_key_and_value_inside_a_flow_mapping(data: CommentedMap) -> None:
    assert locate(data, ("goals", 0, "target", "value"), "key") == at(
        8, 14, "goals", 0, "target", "value"
    )
    assert locate(data, ("goals", 0, "target", "value"), "value") == at(
        8, 21, "goals", 0, "target", "value"
    )
    assert locate(data, ("goals", 0, "target", "by"), "value") == at(
        8, 29, "goals", 0, "target", "by"
    )


def test_flow_mapping_as_a_value_points_at_its_brace(data: CommentedMap) -> None:
    assert locate(data, ("goals", 0, "target"), "value") == at(8, 13, "goals", 0, "target")
    assert locate(data, ("goals", 0, "target", "period"), "parent") == at(
        8, 13, "goals", 0, "target"
    )


# --- parts of a loc that are not in the data ------------------------------------------------


def test_union_tag_parts_are_skipped(data: CommentedMap) -> None:
    loc = ("goals", 0, "function-before[normalise(), str]", "target")
    assert locate(data, loc) == at(8, 13, "goals", 0, "target")


def test_type_name_parts_are_skipped(data: CommentedMap) -> None:
    loc = ("goals", 0, "target", "float", "value")
    assert locate(data, loc, "key") == at(8, 14, "goals", 0, "target", "value")


def test_index_past_the_end_of_a_list_stops_at_the_list(data: CommentedMap) -> None:
    # The loc names goals[5], which does not exist: the position is that of the list.
    assert locate(data, ("goals", 5)) == at(7, 3, "goals")
    assert locate(data, ("school", "grades", 3)) == at(5, 11, "school", "grades")


def test_negative_index_is_not_followed(data: CommentedMap) -> None:
    assert locate(data, ("school", "grades", -1)) == at(5, 11, "school", "grades")


def test_missing_key_stops_at_the_last_existing_entry(data: CommentedMap) -> None:
    assert locate(data, ("school", "principal")) == at(4, 3, "school")
    assert locate(data, ("nothing", "here")) == at(2, 1)


def test_loc_past_a_scalar_stops_at_the_scalar(data: CommentedMap) -> None:
    assert locate(data, ("school", "name", "first")) == at(4, 9, "school", "name")


def test_an_int_part_does_not_index_a_mapping(data: CommentedMap) -> None:
    assert locate(data, ("school", 0)) == at(4, 3, "school")


def test_a_str_part_does_not_index_a_sequence(data: CommentedMap) -> None:
    assert locate(data, ("goals", "0")) == at(7, 3, "goals")


# --- walk -----------------------------------------------------------------------------------


def test_walk_returns_the_steps_taken_and_the_node_reached(data: CommentedMap) -> None:
    steps, node = walk(data, ("goals", 0, "target", "by"))
    assert [key for _, key in steps] == ["goals", 0, "target", "by"]
    assert steps[0][0] is data
    assert steps[1][0] is data["goals"]
    assert steps[3][0] is data["goals"][0]["target"]
    assert node == dt.date(2027, 9, 30)


def test_walk_skips_parts_it_cannot_follow(data: CommentedMap) -> None:
    steps, node = walk(data, ("goals", "int", 1, "[key]", "id", "extra"))
    assert [key for _, key in steps] == ["goals", 1, "id"]
    assert node == "G2"


def test_walk_of_an_empty_loc_is_the_root(data: CommentedMap) -> None:
    steps, node = walk(data, ())
    assert steps == []
    assert node is data


def test_walk_into_an_empty_flow_mapping(data: CommentedMap) -> None:
    steps, node = walk(data, ("empty", "anything"))
    assert [key for _, key in steps] == ["empty"]
    assert node == {}


# --- empty values ---------------------------------------------------------------------------


def test_empty_value_is_located_on_its_own_line() -> None:
    data = parse("plan:\n  type:\n  school_year: SY2026-27\n")
    where = locate(data, ("plan", "type"), "value")
    assert where.line == 2
