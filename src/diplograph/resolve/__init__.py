"""Resolution across articles: one key per real person, meeting, agreement and priority.

Keys are derived from normalized content (names, dates, abbreviations), never from counters, so the
same articles always give the same IRIs whatever order they are read in.

Resolution reads only a small summary of each article (`inputs.res_input`: names, meeting features,
agreement names), made once per article content, so an incremental build (`graphstate`) resolves its
whole archive again from these summaries without the articles' facts. `people` gives one canonical name
per person, `meetings` clusters the reports of one meeting (one rule, applied through an index),
`archive` runs them over the archive.
"""
from __future__ import annotations

from ..keys import norm, norm_cached, slug
from .archive import resolve, resolve_clustered, resolve_inputs
from .inputs import res_input
from .meetings import Report, cluster_meetings, meeting_family, same_features, same_meeting
from .model import MeetingSummary, Resolution
from .people import person_keys

__all__ = ["MeetingSummary", "Report", "Resolution", "cluster_meetings", "meeting_family", "norm", "norm_cached",
           "person_keys", "res_input", "resolve", "resolve_clustered", "resolve_inputs", "same_features", "same_meeting", "slug"]
