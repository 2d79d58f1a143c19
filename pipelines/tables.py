"""Published Parquet contracts: one explicit pyarrow schema per table, described field by field.

``docs/data_dictionary.md`` is generated from these schemas (``patient-insights docs``)
and a test keeps the two identical, so the dictionary cannot drift from the data.
"""
from __future__ import annotations

import pyarrow as pa


def _f(name: str, type_: pa.DataType, description: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"description": description})


def _schema(description: str, *fields: pa.Field) -> pa.Schema:
    return pa.schema(list(fields), metadata={"description": description})


RUN_ID = _f("run_id", pa.string(), "Identifier of the run that produced the row (also the run's folder name).", False)
POST_KEY = _f("post_key", pa.string(), "Keyed pseudonym of the post (HMAC-SHA256 of community and source post id); stable across runs with the same key.", False)
COMMUNITY = _f(
    "community", pa.string(),
    "Community the post belongs to (subreddit, Discourse category or mapped forum name), or community-<8 hex> (a keyed label, "
    "stable across runs with the same key) when the value names someone: a Reddit user-profile subreddit (u_...), a member's "
    "name or username form, or an identifier the de-identifier finds.",
    False,
)

POSTS = _schema(
    "De-identified posts: one row per published post.",
    RUN_ID,
    POST_KEY,
    _f("thread_key", pa.string(), "Keyed pseudonym of the thread.", False),
    _f("parent_key", pa.string(), "Keyed pseudonym of the post this one replies to; null for a thread's first post."),
    COMMUNITY,
    _f("author_key", pa.string(), "Keyed pseudonym of the author; null when the source had none (deleted account)."),
    _f("period_week", pa.date32(), "Monday of the ISO week the post was written (UTC). Exact timestamps are not published.", False),
    _f("period_month", pa.string(), "Month the post was written, YYYY-MM (UTC).", False),
    _f("title_deid", pa.string(), "De-identified thread title, on the thread's first post only."),
    _f("text_deid", pa.string(), "De-identified body text; identifiers replaced by numbered typed placeholders such as <PERSON_1>, the same number for the same person or value throughout a thread. A date keeps its four-digit year, which Safe Harbor allows (<DATE_TIME_1>, 2019), unless the year means an age over 89 or the run used redact_years.", False),
    _f("n_redactions", pa.int32(), "Number of spans redacted in title and body.", False),
    _f("redaction_types", pa.list_(pa.string()), "Distinct placeholder types used in the post (PERSON, PHONE_NUMBER, ...; LONG_TOKEN: an unbroken run of 256+ non-space characters, such as a pasted base64 image, redacted whole), sorted.", False),
    _f("char_count", pa.int32(), "Length of the de-identified body, in characters.", False),
    _f("source_format", pa.string(), "Adapter that read the post: reddit, discourse, jsonl, json or csv.", False),
)

TOPICS = _schema(
    "Topics of the run's topic model (fitted this run or a saved model applied to it, see topic_model_id); topic -1 gathers outlier posts.",
    RUN_ID,
    _f("topic_id", pa.int32(), "Topic number within the topic model (stable while the same model is applied); -1 is the outlier group.", False),
    _f("label", pa.string(), "Short readable label: up to three refined terms (KeyBERT-inspired + MMR), joined by ', '.", False),
    _f("top_terms", pa.list_(pa.string()), "Top terms by c-TF-IDF (unigrams and bigrams, domain stop words removed), best first.", False),
    _f("size", pa.int32(), "Number of posts of this run assigned to the topic.", False),
    _f("representative_post_keys", pa.list_(pa.string()), "Up to 3 posts of this run near the topic's centroid, picked by maximal marginal relevance (typical yet different from each other).", False),
    _f("representative_quotes", pa.list_(pa.string()), "De-identified text of those posts, cut to 300 characters.", False),
    _f("representation", pa.list_(pa.string()), "Top terms refined by KeyBERT-inspired re-ranking and MMR diversity (the c-TF-IDF terms when no refinement ran)."),
    _f("topic_model_id", pa.string(), "Id of the topic model (in the model store) whose topics these are."),
)

POST_TOPICS = _schema(
    "Which topic each published post was assigned to.",
    RUN_ID,
    POST_KEY,
    _f("topic_id", pa.int32(), "Assigned topic (-1: outlier).", False),
    _f("probability", pa.float32(), "Cosine similarity of the post to its topic's centroid embedding (null for outliers)."),
)

TOPIC_MODEL_ID = _f("topic_model_id", pa.string(), "Id of the topic model in the model store.", False)

TOPIC_HIERARCHY = _schema(
    "Topic hierarchy (BERTopic hierarchical_topics, Ward linkage of c-TF-IDF vectors): one row per merge of two nodes; leaves are topic ids, merge nodes are numbered above the largest topic id, the last merge is the root.",
    RUN_ID,
    TOPIC_MODEL_ID,
    _f("parent_id", pa.int32(), "Node created by the merge.", False),
    _f("parent_label", pa.string(), "Top terms of the merged node (c-TF-IDF), joined by '_'.", False),
    _f("child_ids", pa.list_(pa.int32()), "The two nodes merged (topic ids or earlier parent ids).", False),
    _f("topic_ids", pa.list_(pa.int32()), "All topic ids under this node.", False),
    _f("distance", pa.float64(), "Linkage distance of the merge (larger: less similar).", False),
)

TOPIC_LINEAGE = _schema(
    "How the topics of a refitted model relate to the previous model's (centroid cosine similarity, Hungarian one-to-one matching, threshold 0.7; docs/topics.md). Rows only in runs that refitted a model over an older one.",
    RUN_ID,
    _f("old_model_id", pa.string(), "Previous topic model.", False),
    _f("old_topic_id", pa.int32(), "Topic of the previous model; null for a new topic."),
    _f("new_model_id", pa.string(), "Refitted topic model.", False),
    _f("new_topic_id", pa.int32(), "Topic of the refitted model; null for a retired topic."),
    _f("similarity", pa.float64(), "Cosine similarity of the two topics' centroid embeddings (best match for new/retired rows)."),
    _f("relation", pa.string(), "continued (one-to-one match), split_from, merged_into, new or retired.", False),
)

TOPIC_PREVALENCE = _schema(
    "Posts per topic by community and period (ISO week and month); community '(all communities)' is every community together. For each community and period the rows (outlier group -1 included) add up to total_posts.",
    RUN_ID,
    TOPIC_MODEL_ID,
    _f("topic_id", pa.int32(), "Topic (-1: outliers).", False),
    _f("community", pa.string(), "Community, or '(all communities)'.", False),
    _f("period_type", pa.string(), "week or month.", False),
    _f("period", pa.string(), "Monday of the ISO week (YYYY-MM-DD) or the month (YYYY-MM), UTC.", False),
    _f("posts", pa.int64(), "Posts of the topic in that community and period.", False),
    _f("total_posts", pa.int64(), "All posts in that community and period.", False),
    _f("share", pa.float64(), "posts / total_posts.", False),
)

EMERGING_TOPICS = _schema(
    "Per topic: posts in the recent window (last 4 ISO weeks of the data) against the baseline window (the 12 weeks before), with an exact conditional binomial test of growth in the topic's share (one-sided; flagged when p < alpha / number of topics, rate ratio >= min_ratio and >= 5 recent posts).",
    RUN_ID,
    TOPIC_MODEL_ID,
    _f("topic_id", pa.int32(), "Topic.", False),
    _f("recent_start", pa.date32(), "First week (Monday) of the recent window.", False),
    _f("recent_end", pa.date32(), "Last week (Monday) of the recent window: the latest week in the run's posts.", False),
    _f("baseline_start", pa.date32(), "First week (Monday) of the baseline window.", False),
    _f("baseline_end", pa.date32(), "Last week (Monday) of the baseline window.", False),
    _f("recent_posts", pa.int64(), "Posts of the topic in the recent window.", False),
    _f("baseline_posts", pa.int64(), "Posts of the topic in the baseline window.", False),
    _f("recent_total", pa.int64(), "All posts in the recent window.", False),
    _f("baseline_total", pa.int64(), "All posts in the baseline window.", False),
    _f("rate_ratio", pa.float64(), "((recent_posts+0.5)/recent_total) / ((baseline_posts+0.5)/baseline_total); null when a window is empty."),
    _f("p_value", pa.float64(), "One-sided p-value: recent_posts ~ Binomial(recent_posts+baseline_posts, recent_total/(recent_total+baseline_total)) under no growth; null when a window is empty."),
    _f("test", pa.string(), "Name of the test.", False),
    _f("alpha", pa.float64(), "Family-wise significance level (divided by the number of topics).", False),
    _f("min_ratio", pa.float64(), "Minimum rate ratio to flag.", False),
    _f("emerging", pa.bool_(), "True when the topic is flagged as emerging.", False),
)

UNMET_NEEDS = _schema(
    "Unmet-need mentions found by spaCy rules from the versioned taxonomy or by the need sentence classifier; one row per category and sentence. "
    "Leads for reading, not counts: on labelled real Reddit sentences the default is right about 4 times in 10 and finds about a quarter "
    "of the needs (docs/unmet_needs.md).",
    RUN_ID,
    POST_KEY,
    COMMUNITY,
    _f("period_month", pa.string(), "Month the post was written, YYYY-MM (UTC).", False),
    _f("category", pa.string(), "Taxonomy category, e.g. access_and_cost (see docs/unmet_needs.md).", False),
    _f("subcategory", pa.string(), "Subcategory when the cue names one, e.g. prior_authorization; null otherwise."),
    _f("cue", pa.string(), "The cue that matched, lower-cased, from the de-identified text; 'classifier' when only the sentence classifier found the category.", False),
    _f("evidence", pa.string(), "The de-identified sentence the cue was found in.", False),
    _f("sentence_index", pa.int32(), "0-based index of that sentence in the post body.", False),
    _f("speaker_role", pa.string(), "Who is speaking in the post: patient, caregiver, clinician or unknown (as in author_roles).", False),
    _f("taxonomy_version", pa.string(), "Version of the taxonomy that produced the row.", False),
)

AUTHOR_ROLES = _schema(
    "Who is speaking in each published post, from first-person and relational cues (docs/unmet_needs.md); join on post_key to split any table by role.",
    RUN_ID,
    POST_KEY,
    _f("author_key", pa.string(), "Keyed pseudonym of the author; null when the source had none."),
    COMMUNITY,
    _f("period_month", pa.string(), "Month the post was written, YYYY-MM (UTC).", False),
    _f("speaker_role", pa.string(), "patient, caregiver, clinician or unknown (no cue found).", False),
    _f("confidence", pa.float32(), "0-1: share of the cue weight behind the chosen role, damped when there is little evidence; 0 for unknown.", False),
    _f("cues", pa.list_(pa.string()), "Labels of the cues that matched (e.g. caregiver_family_condition), never text.", False),
    _f("lexicon_version", pa.string(), "Version of the speaker-role lexicon that produced the row.", False),
)

# -- medical extraction (insights/extraction, stage pipelines/stages/extract.py) ----------------
PERIOD_MONTH = _f("period_month", pa.string(), "Month the post was written, YYYY-MM (UTC).", False)
SPEAKER_ROLE = _f("speaker_role", pa.string(), "Who is speaking in the post: patient, caregiver, clinician or unknown.", False)
SENTENCE_INDEX = _f("sentence_index", pa.int32(), "0-based index of the sentence in the post body.", False)
EVIDENCE = _f("evidence", pa.string(), "The de-identified sentence the row was found in.", False)
LEXICON_VERSION = _f("lexicon_version", pa.string(), "Versions of the extraction lexicons and cue lists that produced the row.", False)

ENTITY_MENTIONS = _schema(
    "Drug, device, symptom and condition mentions in the de-identified posts, normalised, with their assertion; one row per mention.",
    RUN_ID, POST_KEY, COMMUNITY, PERIOD_MONTH, SPEAKER_ROLE,
    _f("entity_type", pa.string(), "drug, device (CPAP, glucose monitor, insulin pump...), therapy (non-drug treatment: phototherapy, CBT, physical therapy, acupuncture, an elimination or low-FODMAP diet, dialysis...; never paired with effects or events), symptom or condition.", False),
    _f("mention", pa.string(), "The mention as written in the de-identified text.", False),
    _f("canonical", pa.string(), "Normalised name: generic drug name or drug class, device kind (continuous glucose monitor), therapy (phototherapy), HPO term name, or condition.", False),
    _f("code", pa.string(), "DrugBank id for drugs, HPO id for symptoms; null when none."),
    _f("match", pa.string(), "How it was found: exact (lexicon), lay (lay phrase), class (drug class), fuzzy (misspelling: one edit, or two for words of 9+ letters), pattern (body part + complaint).", False),
    _f("assertion", pa.string(), "experienced, negated, hypothetical (feared, asked about, possible) or family (a relative's).", False),
    _f("assertion_cue", pa.string(), "The trigger that set a non-experienced assertion; null for experienced."),
    SENTENCE_INDEX,
    _f("start_char", pa.int32(), "Offset of the mention in the de-identified body (text_deid of posts).", False),
    _f("end_char", pa.int32(), "End offset (exclusive) of the mention in the de-identified body.", False),
    LEXICON_VERSION,
)

TREATMENT_EXPERIENCES = _schema(
    "Drug-effect pairs: what patients say a drug did (side effect, benefit, lack of effect, withdrawal); one row per pair.",
    RUN_ID, POST_KEY, COMMUNITY, PERIOD_MONTH, SPEAKER_ROLE,
    _f("drug", pa.string(), "Canonical drug name (generic, or drug class).", False),
    _f("drug_code", pa.string(), "DrugBank id of the drug; null when none."),
    _f("kind", pa.string(), "side_effect, benefit, lack_of_effect or withdrawal.", False),
    _f("effect", pa.string(), "Canonical effect (HPO term name or condition); null when the post says the drug works or not without naming what for."),
    _f("effect_code", pa.string(), "HPO id of the effect; null for conditions or no effect."),
    _f("effect_assertion", pa.string(), "Assertion of the effect mention (a benefit often reads 'my pain is gone': negated)."),
    _f("cue", pa.string(), "The cue phrase that set the kind; 'co-occurrence' for a side effect named in the drug's sentence without one.", False),
    _f("same_sentence", pa.bool_(), "True when drug and effect are in the same sentence; false when the drug is in the sentence before.", False),
    SENTENCE_INDEX, EVIDENCE, LEXICON_VERSION,
)

TREATMENT_EVENTS = _schema(
    "Treatment events (start, stop, switch, skip doses) with the stated reason; one row per event sentence.",
    RUN_ID, POST_KEY, COMMUNITY, PERIOD_MONTH, SPEAKER_ROLE,
    _f("drug", pa.string(), "Canonical name of the drug started, stopped, skipped, or switched from.", False),
    _f("drug_code", pa.string(), "DrugBank id of the drug; null when none."),
    _f("event", pa.string(), "start, stop, switch or skip_doses.", False),
    _f("cue", pa.string(), "The cue phrase of the event.", False),
    _f("to_drug", pa.string(), "For a switch naming both drugs: the canonical name of the new drug; otherwise null."),
    _f("reason", pa.string(), "Stated reason: side_effects, cost, lack_of_effect, convenience, doctors_advice or unknown.", False),
    _f("reason_cue", pa.string(), "The words the reason was read from; null when unknown."),
    SENTENCE_INDEX, EVIDENCE, LEXICON_VERSION,
)

ADVERSE_EVENT_CANDIDATES = _schema(
    "Pharmacovigilance review queue (not reports): posts naming a suspect drug and an experienced adverse effect linked to it; one row per post and drug.",
    RUN_ID, POST_KEY,
    _f("thread_key", pa.string(), "Keyed pseudonym of the post's thread.", False),
    COMMUNITY, PERIOD_MONTH, SPEAKER_ROLE,
    _f("source_file", pa.string(), "Base name of the input file the post came from (with source_record: where to find it again in the export; no source id is published)."),
    _f("source_record", pa.int64(), "1-based record number of the post in that file."),
    _f("suspect_drug", pa.string(), "Canonical name of the suspect drug.", False),
    _f("drug_code", pa.string(), "DrugBank id of the suspect drug; null when none."),
    _f("adverse_effects", pa.list_(pa.string()), "Canonical experienced adverse effects (HPO term names), in text order.", False),
    _f("effect_codes", pa.list_(pa.string()), "HPO ids of those effects.", False),
    _f("kinds", pa.list_(pa.string()), "side_effect and/or withdrawal.", False),
    _f("identifiable_patient", pa.bool_(), "Minimum criterion 1: a patient is described (first person, a relation such as 'my husband', or a patient/caregiver speaker).", False),
    _f("identifiable_reporter", pa.bool_(), "Minimum criterion 2: the author can be contacted through the community's own channel (the post has an author).", False),
    _f("has_suspect_drug", pa.bool_(), "Minimum criterion 3: a named drug (not only a class such as 'statins') is linked to the effect.", False),
    _f("has_adverse_event", pa.bool_(), "Minimum criterion 4: an experienced (not negated, hypothetical or a relative's) adverse effect is linked to the drug.", False),
    _f("minimum_criteria_met", pa.bool_(), "All four criteria hold: ready for a safety reviewer to follow up.", False),
    _f("evidence", pa.list_(pa.string()), "The de-identified sentences linking drug and effect.", False),
    _f("review_status", pa.string(), "Always 'unreviewed' when published: a human safety reviewer decides.", False),
    LEXICON_VERSION,
)

INSIGHT_AGGREGATES = _schema(
    "Per-community, per-month counts of the insight tables, by speaker role: one long table, one row per (source table, community, month, role, kind, key).",
    RUN_ID,
    _f("source_table", pa.string(), "Insight table counted, e.g. entity_mentions.", False),
    COMMUNITY, PERIOD_MONTH, SPEAKER_ROLE,
    _f("kind", pa.string(), "What is counted within the table, e.g. drug / symptom (entity_mentions), side_effect (treatment_experiences), stop (treatment_events).", False),
    _f("key", pa.string(), "The item counted: canonical drug, device, therapy, symptom or condition, 'drug -> effect', 'drug: reason', category.", False),
    _f("mentions", pa.int64(), "Rows of the source table.", False),
    _f("posts", pa.int64(), "Distinct posts.", False),
    _f("authors", pa.int64(), "Distinct authors (posts without an author are not counted here).", False),
)

RECORD_OUTCOMES = _schema(
    "What became of every input record: published, filtered (with a reason) or quarantined (with a reason). Never holds record text.",
    RUN_ID,
    _f("source_file", pa.string(), "Base name of the input file.", False),
    _f("source_record", pa.int64(), "1-based record number in that file (line, array element or CSV data row).", False),
    _f("source_format", pa.string(), "Adapter that read the file."),
    _f("outcome", pa.string(), "published, filtered or quarantined.", False),
    _f("reason", pa.string(), "Reason code for filtered and quarantined records (docs/sources.md)."),
    _f("detail", pa.string(), "What was wrong, in the pipeline's own words (never the record's content)."),
    _f("post_key", pa.string(), "Pseudonym of the published post, for published records."),
)

RUN_MANIFEST = _schema(
    "One row per run: counts that reconcile, versions, parameters and timings.",
    RUN_ID,
    _f("started_at", pa.timestamp("us", tz="UTC"), "When the run started.", False),
    _f("finished_at", pa.timestamp("us", tz="UTC"), "When the tables were validated, just before publishing.", False),
    _f("input_records", pa.int64(), "Records read from all sources.", False),
    _f("published", pa.int64(), "Records published as posts.", False),
    _f("filtered", pa.int64(), "Records deliberately not published (e.g. deleted by their author).", False),
    _f("quarantined", pa.int64(), "Records that could not be processed, each with a reason in record_outcomes.", False),
    _f("reconciled", pa.bool_(), "True when input_records = published + filtered + quarantined.", False),
    _f("outcome_counts", pa.string(), "JSON: counts per outcome and reason.", False),
    _f("communities_relabelled", pa.int64(), "Distinct community values replaced by a keyed label community-<8 hex> because they named someone (a count only, never the value).", False),
    _f("sources", pa.string(), "JSON: for each input file, its base name, format, SHA-256 and record count.", False),
    _f("code_version", pa.string(), "Version of the patient-insights package (and git commit when known).", False),
    _f("model_versions", pa.string(), "JSON: versions of spaCy pipeline, embedding model, Presidio, BERTopic and taxonomy.", False),
    _f("parameters", pa.string(), "JSON: run parameters (never the pseudonymisation key).", False),
    _f("timings", pa.string(), "JSON: seconds spent in each stage (embed and topics are separate).", False),
    _f("topic_status", pa.string(), "ok, skipped_too_small or skipped_no_clusters.", False),
    _f("topic_message", pa.string(), "Why topics were or were not modelled, in words.", False),
    _f("key_origin", pa.string(), "Where the pseudonymisation key came from: env, secret-block or demo (never the key).", False),
)

TABLES: dict[str, pa.Schema] = {
    "posts": POSTS,
    "topics": TOPICS,
    "post_topics": POST_TOPICS,
    "topic_hierarchy": TOPIC_HIERARCHY,
    "topic_lineage": TOPIC_LINEAGE,
    "topic_prevalence": TOPIC_PREVALENCE,
    "emerging_topics": EMERGING_TOPICS,
    "unmet_needs": UNMET_NEEDS,
    "author_roles": AUTHOR_ROLES,
    "entity_mentions": ENTITY_MENTIONS,
    "treatment_experiences": TREATMENT_EXPERIENCES,
    "treatment_events": TREATMENT_EVENTS,
    "adverse_event_candidates": ADVERSE_EVENT_CANDIDATES,
    "insight_aggregates": INSIGHT_AGGREGATES,
    "record_outcomes": RECORD_OUTCOMES,
    "run_manifest": RUN_MANIFEST,
}


def data_dictionary_markdown() -> str:
    lines = [
        "# Data dictionary of the published tables",
        "",
        "Generated from `pipelines/tables.py` by `patient-insights docs`; do not edit by hand.",
        "Each run writes one folder `<out>/<run_id>/` holding one Parquet file per table.",
        "",
    ]
    for name, schema in TABLES.items():
        lines += [f"## `{name}`", "", schema.metadata[b"description"].decode(), "", "| column | type | nullable | description |", "|---|---|---|---|"]
        for field in schema:
            desc = field.metadata[b"description"].decode()
            lines.append(f"| `{field.name}` | `{field.type}` | {'yes' if field.nullable else 'no'} | {desc} |")
        lines.append("")
    return "\n".join(lines)
