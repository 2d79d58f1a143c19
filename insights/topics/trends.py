"""Topic prevalence by community and period, and emerging topics with a stated test.

Emerging test (per topic, exact conditional binomial test for two Poisson rates):
recent window = the last ``recent_weeks`` ISO weeks up to the latest week in the data;
baseline = the ``baseline_weeks`` weeks before it. With k_r, k_b the topic's posts and N_r, N_b
all posts in the two windows, under "no change in the topic's share" k_r ~ Binomial(k_r + k_b,
N_r / (N_r + N_b)); the one-sided p-value (scipy ``binomtest``, alternative "greater") tests
growth. A topic is flagged emerging when p < alpha / number of topics (Bonferroni, alpha 0.01),
the rate ratio ((k_r+0.5)/N_r) / ((k_b+0.5)/N_b) is at least ``min_ratio`` (1.5) and k_r is at
least ``min_recent`` (5) posts.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

ALL = "(all communities)"
TEST_NAME = "exact conditional binomial (one-sided), Bonferroni"


def prevalence(posts: pd.DataFrame) -> pd.DataFrame:
    """posts: topic_id, community, period_week (date), period_month (YYYY-MM).

    One row per topic x community x period (week and month), including the outlier group -1
    and the community ``(all communities)``, so each (community, period) sums to total_posts.
    """
    frames = []
    data = pd.concat([posts, posts.assign(community=ALL)], ignore_index=True)
    for period_type, column in (("week", "period_week"), ("month", "period_month")):
        d = data.assign(period=data[column].astype(str))
        counts = d.groupby(["community", "period", "topic_id"], sort=True).size().rename("posts").reset_index()
        totals = d.groupby(["community", "period"], sort=True).size().rename("total_posts").reset_index()
        merged = counts.merge(totals, on=["community", "period"])
        merged["period_type"] = period_type
        frames.append(merged)
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if out.empty:
        return pd.DataFrame(columns=["topic_id", "community", "period_type", "period", "posts", "total_posts", "share"])
    out["share"] = out["posts"] / out["total_posts"]
    return out[["topic_id", "community", "period_type", "period", "posts", "total_posts", "share"]].sort_values(
        ["period_type", "period", "community", "topic_id"], kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class EmergingConfig:
    recent_weeks: int = 4
    baseline_weeks: int = 12
    alpha: float = 0.01
    min_ratio: float = 1.5
    min_recent: int = 5


def emerging(posts: pd.DataFrame, config: EmergingConfig = EmergingConfig()) -> pd.DataFrame:
    """posts: topic_id, period_week (date of the ISO week's Monday). One row per topic (not -1)."""
    from scipy.stats import binomtest

    columns = ["topic_id", "recent_start", "recent_end", "baseline_start", "baseline_end", "recent_posts", "baseline_posts",
               "recent_total", "baseline_total", "rate_ratio", "p_value", "test", "alpha", "min_ratio", "emerging"]
    if posts.empty:
        return pd.DataFrame(columns=columns)
    weeks = pd.to_datetime(posts["period_week"]).dt.date
    last: date = max(weeks)
    recent_start = last - timedelta(weeks=config.recent_weeks - 1)
    baseline_end = recent_start - timedelta(weeks=1)
    baseline_start = recent_start - timedelta(weeks=config.baseline_weeks)
    in_recent = (weeks >= recent_start) & (weeks <= last)
    in_base = (weeks >= baseline_start) & (weeks <= baseline_end)
    n_r, n_b = int(in_recent.sum()), int(in_base.sum())
    topic_ids = sorted(t for t in posts["topic_id"].unique() if t != -1)
    rows = []
    for t in topic_ids:
        mine = posts["topic_id"] == t
        k_r, k_b = int((mine & in_recent).sum()), int((mine & in_base).sum())
        if n_r and n_b and k_r + k_b:
            p = float(binomtest(k_r, k_r + k_b, n_r / (n_r + n_b), alternative="greater").pvalue)
            ratio = ((k_r + 0.5) / n_r) / ((k_b + 0.5) / n_b)
        else:  # no baseline (or no recent) posts at all: nothing to compare
            p, ratio = None, None
        flag = bool(p is not None and p < config.alpha / max(len(topic_ids), 1) and ratio >= config.min_ratio and k_r >= config.min_recent)
        rows.append({"topic_id": int(t), "recent_start": recent_start, "recent_end": last, "baseline_start": baseline_start, "baseline_end": baseline_end,
                     "recent_posts": k_r, "baseline_posts": k_b, "recent_total": n_r, "baseline_total": n_b, "rate_ratio": ratio, "p_value": p,
                     "test": TEST_NAME, "alpha": config.alpha, "min_ratio": config.min_ratio, "emerging": flag})
    return pd.DataFrame(rows, columns=columns)
