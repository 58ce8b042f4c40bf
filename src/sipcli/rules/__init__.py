"""The registry: every lint rule, in one explicit list, in code order. Add a new rule here."""

from __future__ import annotations

from sipcli.rules.base import Rule
from sipcli.rules.benchmark_after_goal_date import BenchmarkAfterGoalDate
from sipcli.rules.benchmark_cadence import BenchmarkCadence
from sipcli.rules.benchmark_comparison_wording import BenchmarkComparisonWording
from sipcli.rules.benchmark_missing_data_source import BenchmarkMissingDataSource
from sipcli.rules.benchmark_missing_owner import BenchmarkMissingOwner
from sipcli.rules.benchmark_missing_target import BenchmarkMissingTarget
from sipcli.rules.benchmark_mix import BenchmarkMix
from sipcli.rules.benchmark_outside_plan_year import BenchmarkOutsidePlanYear
from sipcli.rules.challenge_without_data import ChallengeWithoutData
from sipcli.rules.district_systems import DistrictSystems
from sipcli.rules.duplicate_id import DuplicateId
from sipcli.rules.executive_summary_elements import ExecutiveSummaryElements
from sipcli.rules.goal_against_metric import GoalAgainstMetric
from sipcli.rules.goal_date_outside_horizon import GoalDateOutsideHorizon
from sipcli.rules.goal_direction_mismatch import GoalDirectionMismatch
from sipcli.rules.goal_missing_baseline import GoalMissingBaseline
from sipcli.rules.goal_missing_measure import GoalMissingMeasure
from sipcli.rules.goal_missing_owner import GoalMissingOwner
from sipcli.rules.goal_missing_target import GoalMissingTarget
from sipcli.rules.goal_missing_unit import GoalMissingUnit
from sipcli.rules.goal_without_benchmarks import GoalWithoutBenchmarks
from sipcli.rules.goal_without_objective import GoalWithoutObjective
from sipcli.rules.goals_missing import GoalsMissing
from sipcli.rules.initiative_without_evidence import InitiativeWithoutEvidence
from sipcli.rules.missing_stage import MissingStage
from sipcli.rules.monitoring_levels import MonitoringLevels
from sipcli.rules.no_equity_goal import NoEquityGoal
from sipcli.rules.objective_count import ObjectiveCount
from sipcli.rules.objective_without_goal import ObjectiveWithoutGoal
from sipcli.rules.objective_without_practice import ObjectiveWithoutPractice
from sipcli.rules.objective_without_root_cause import ObjectiveWithoutRootCause
from sipcli.rules.percent_for_points import PercentForPoints
from sipcli.rules.placeholder_text import PlaceholderText
from sipcli.rules.practice_not_covered import PracticeNotCovered
from sipcli.rules.renewal_without_prior_plan import RenewalWithoutPriorPlan
from sipcli.rules.result_not_yet_available import ResultNotYetAvailable
from sipcli.rules.roadmap_years import RoadmapYears
from sipcli.rules.root_cause_without_challenge import RootCauseWithoutChallenge
from sipcli.rules.smart_score_below import SmartScoreBelow
from sipcli.rules.stakeholder_groups import StakeholderGroups
from sipcli.rules.statement_disagrees import StatementDisagrees
from sipcli.rules.unknown_reference import UnknownReference
from sipcli.rules.vague_goal import VagueGoal
from sipcli.rules.value_out_of_range import ValueOutOfRange

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
