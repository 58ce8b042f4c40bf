"""Words for the codes a plan stores: what a reader of the rendered plan sees instead of ids."""

from __future__ import annotations

PRACTICES = {
    "TP1": "Leadership, shared responsibility and professional collaboration",
    "TP2": "Intentional practices for improving instruction",
    "TP3": "Student-specific supports and instruction to all students",
    "TP4": "School climate and culture",
}

PLAN_TYPES = {"initial": "Initial plan", "annual_renewal": "Annual renewal"}

#: Designations whose stored code does not read as words ("level4").
DESIGNATIONS = {"level4": "Level 4", "level5": "Level 5"}

#: How a cover page names each dated submission (``plan.submissions[].to``).
SUBMITTED_TO = {
    "dese": "Submitted to DESE",
    "school_committee": "Submitted to the school committee",
    "stakeholder_group": "Submitted to the stakeholder group",
    "school_council": "Submitted to the school council",
    "district": "Submitted to the district",
    "public": "Made public",
    "other": "Submitted",
}

#: The kinds whose stakeholder group is the Local Stakeholder Group of a Level 4 or 5 school.
LOCAL_STAKEHOLDER_GROUP_KINDS = frozenset({"turnaround_level4", "turnaround_level5"})


def submitted_to(to: str, kind: str) -> str:
    """How a cover page names a submission to ``to`` in a plan of ``kind``.

    Only a Level 4 or 5 turnaround plan has a Local Stakeholder Group; any other plan
    submits to "the stakeholder group".
    """
    if to == "stakeholder_group" and kind in LOCAL_STAKEHOLDER_GROUP_KINDS:
        return "Submitted to the Local Stakeholder Group"
    return SUBMITTED_TO[to]


#: How a turnaround plan names the year its school may leave its designation, by kind.
EXIT_LABELS = {
    "turnaround_level4": "Eligible to exit Level 4 status",
    "turnaround_level5": "Eligible to exit Level 5 status",
}

BENCHMARK_TYPES = {
    "process": "Process",
    "early_evidence": "Early evidence",
    "outcome": "Outcome",
}

METRICS = {
    "mcas_meeting_exceeding": "MCAS meeting or exceeding expectations",
    "mcas_scaled_score": "MCAS average scaled score",
    "sgp_mean": "Mean student growth percentile",
    "sgp_median": "Median student growth percentile",
    "chronic_absenteeism": "Chronic absenteeism",
    "attendance_rate": "Attendance rate",
    "access_progress": "Progress toward English language proficiency (ACCESS)",
    "access_proficiency": "English language proficiency (ACCESS)",
    "graduation_rate": "Graduation rate",
    "dropout_rate": "Dropout rate",
    "suspension_rate": "Suspension rate",
    "advanced_coursework": "Advanced coursework completion",
    "accountability_percentile": "Accountability percentile",
    "criterion_referenced_target": "Criterion-referenced target",
    "survey": "Survey",
    "local_assessment": "Local assessment",
    "observation": "Observation",
    "count": "Count",
    "other": "Other measure",
}

#: How each unit follows a number: a sign or a word ("45%", "68.4 points"), or the kind of
#: figure in parentheses ("37 (SGP)"), which `formatting.value_at` merges with a period.
UNITS = {
    "percent": "%",
    "scaled_score": " (scaled score)",
    "sgp": " (SGP)",
    "percentile": " (percentile)",
    "count": "",
    "days": " days",
    "rating": " (rating)",
    "score": " points",
}


def humanise(code: str | None) -> str:
    """Turn a stored code such as ``students_with_disabilities`` into "Students with disabilities"."""
    if not code:
        return ""
    text = code.replace("_", " ")
    return text[:1].upper() + text[1:]
