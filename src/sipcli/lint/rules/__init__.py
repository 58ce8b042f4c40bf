"""The registry: every lint rule, in one explicit list, in code order. Add a new rule here."""

from __future__ import annotations

from sipcli.lint.rules.base import Rule
from sipcli.lint.rules.benchmark_after_goal_date import BenchmarkAfterGoalDate
from sipcli.lint.rules.benchmark_cadence import BenchmarkCadence
from sipcli.lint.rules.benchmark_comparison_wording import BenchmarkComparisonWording
from sipcli.lint.rules.benchmark_missing_data_source import BenchmarkMissingDataSource
from sipcli.lint.rules.benchmark_missing_owner import BenchmarkMissingOwner
from sipcli.lint.rules.benchmark_missing_target import BenchmarkMissingTarget
from sipcli.lint.rules.benchmark_mix import BenchmarkMix
from sipcli.lint.rules.benchmark_outside_plan_year import BenchmarkOutsidePlanYear
from sipcli.lint.rules.challenge_without_data import ChallengeWithoutData
from sipcli.lint.rules.district_systems import DistrictSystems
from sipcli.lint.rules.duplicate_id import DuplicateId
from sipcli.lint.rules.executive_summary_elements import ExecutiveSummaryElements
from sipcli.lint.rules.goal_against_metric import GoalAgainstMetric
from sipcli.lint.rules.goal_date_outside_horizon import GoalDateOutsideHorizon
from sipcli.lint.rules.goal_direction_mismatch import GoalDirectionMismatch
from sipcli.lint.rules.goal_missing_baseline import GoalMissingBaseline
from sipcli.lint.rules.goal_missing_measure import GoalMissingMeasure
from sipcli.lint.rules.goal_missing_owner import GoalMissingOwner
from sipcli.lint.rules.goal_missing_target import GoalMissingTarget
from sipcli.lint.rules.goal_missing_unit import GoalMissingUnit
from sipcli.lint.rules.goal_without_benchmarks import GoalWithoutBenchmarks
from sipcli.lint.rules.goal_without_objective import GoalWithoutObjective
from sipcli.lint.rules.goals_missing import GoalsMissing
from sipcli.lint.rules.initiative_without_evidence import InitiativeWithoutEvidence
from sipcli.lint.rules.missing_stage import MissingStage
from sipcli.lint.rules.monitoring_levels import MonitoringLevels
from sipcli.lint.rules.no_equity_goal import NoEquityGoal
from sipcli.lint.rules.objective_count import ObjectiveCount
from sipcli.lint.rules.objective_without_goal import ObjectiveWithoutGoal
from sipcli.lint.rules.objective_without_practice import ObjectiveWithoutPractice
from sipcli.lint.rules.objective_without_root_cause import ObjectiveWithoutRootCause
from sipcli.lint.rules.percent_for_points import PercentForPoints
from sipcli.lint.rules.placeholder_text import PlaceholderText
from sipcli.lint.rules.practice_not_covered import PracticeNotCovered
from sipcli.lint.rules.renewal_without_prior_plan import RenewalWithoutPriorPlan
from sipcli.lint.rules.result_not_yet_available import ResultNotYetAvailable
from sipcli.lint.rules.roadmap_years import RoadmapYears
from sipcli.lint.rules.root_cause_without_challenge import RootCauseWithoutChallenge
from sipcli.lint.rules.smart_score_below import SmartScoreBelow
from sipcli.lint.rules.stakeholder_groups import StakeholderGroups
from sipcli.lint.rules.statement_disagrees import StatementDisagrees
from sipcli.lint.rules.unknown_reference import UnknownReference
from sipcli.lint.rules.vague_goal import VagueGoal
from sipcli.lint.rules.value_out_of_range import ValueOutOfRange

ALL_RULES: tuple[type[Rule], ...] = (  # type: ignore[type-arg]
    GoalMissingBaseline,  # SIP201
    GoalMissingTarget,  # SIP202
    GoalMissingUnit,  # SIP203
    GoalMissingMeasure,  # SIP204
    GoalDirectionMismatch,  # SIP205
    GoalAgainstMetric,  # SIP206
    ValueOutOfRange,  # SIP207
    ResultNotYetAvailable,  # SIP208
    GoalMissingOwner,  # SIP209
    GoalDateOutsideHorizon,  # SIP210
    NoEquityGoal,  # SIP211
    GoalWithoutBenchmarks,  # SIP301
    BenchmarkMix,  # SIP302
    BenchmarkOutsidePlanYear,  # SIP303
    BenchmarkAfterGoalDate,  # SIP304
    BenchmarkCadence,  # SIP305
    BenchmarkMissingDataSource,  # SIP306
    BenchmarkMissingOwner,  # SIP307
    BenchmarkMissingTarget,  # SIP308
    BenchmarkComparisonWording,  # SIP309
    UnknownReference,  # SIP401
    DuplicateId,  # SIP402
    ChallengeWithoutData,  # SIP403
    RootCauseWithoutChallenge,  # SIP404
    ObjectiveWithoutRootCause,  # SIP405
    GoalWithoutObjective,  # SIP406
    ObjectiveWithoutGoal,  # SIP407
    ObjectiveWithoutPractice,  # SIP501
    PracticeNotCovered,  # SIP502
    InitiativeWithoutEvidence,  # SIP503
    ObjectiveCount,  # SIP504
    RoadmapYears,  # SIP505
    ExecutiveSummaryElements,  # SIP601
    GoalsMissing,  # SIP602
    StakeholderGroups,  # SIP603
    MonitoringLevels,  # SIP604
    DistrictSystems,  # SIP605
    MissingStage,  # SIP606
    RenewalWithoutPriorPlan,  # SIP607
    PlaceholderText,  # SIP701
    VagueGoal,  # SIP702
    PercentForPoints,  # SIP703
    StatementDisagrees,  # SIP704
    SmartScoreBelow,  # SIP801
)

__all__ = ["ALL_RULES", "Rule"]
