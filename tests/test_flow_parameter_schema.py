"""The flow's parameter schema is what a deployment's UI and API validate and coerce runs against:
every parameter must carry its type (an annotation Prefect cannot resolve leaves it untyped)."""
from __future__ import annotations

from pipelines.flow import patient_insights


def test_every_flow_parameter_is_typed_in_the_schema():
    properties = patient_insights.parameters.properties
    untyped = [name for name, schema in properties.items() if "type" not in schema and "anyOf" not in schema and "$ref" not in schema and "allOf" not in schema]
    assert untyped == []


def test_optional_parameters_accept_their_type_or_null():
    properties = patient_insights.parameters.properties
    assert properties["topic_fit_sample_size"]["anyOf"] == [{"type": "integer"}, {"type": "null"}]
    assert properties["topic_model_dir"]["anyOf"] == [{"type": "string"}, {"type": "null"}]
    assert properties["embedding_cache_dir"]["anyOf"] == [{"type": "string"}, {"type": "null"}]
