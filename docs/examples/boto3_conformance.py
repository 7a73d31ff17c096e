"""boto3 against sagemaker-featurestore-mock in server mode.

Usage: python3 boto3_conformance.py http://127.0.0.1:PORT

Runs each check against a freshly reset server, printing "ok <name>" or
"FAIL <name>: <reason>", and exits 1 when any check failed. Credentials and
region come from the environment (dummy values); the control endpoint under
/_mock declares feature groups, reads offline rows and moves the clock.

Covers every runtime operation this botocore models (PutRecord, GetRecord,
BatchGetRecord, DeleteRecord) and the SageMaker feature-group calls
CreateFeatureGroup and DescribeFeatureGroup.
"""

import json
import sys
import traceback
import urllib.error
import urllib.request

import boto3
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
runtime = boto3.client("sagemaker-featurestore-runtime", endpoint_url=ENDPOINT)
sagemaker = boto3.client("sagemaker", endpoint_url=ENDPOINT)

CUSTOMERS = {
    "FeatureGroupName": "customers",
    "RecordIdentifierFeatureName": "customer_id",
    "EventTimeFeatureName": "event_time",
    "FeatureDefinitions": [
        {"FeatureName": "customer_id", "FeatureType": "String"},
        {"FeatureName": "event_time", "FeatureType": "String"},
        {"FeatureName": "age", "FeatureType": "Integral"},
        {"FeatureName": "city", "FeatureType": "String"},
    ],
    "OnlineStoreConfig": {"EnableOnlineStore": True},
    "OfflineStoreConfig": {"S3StorageConfig": {"S3Uri": "s3://bucket/prefix"}},
    "RoleArn": "arn:aws:iam::123456789012:role/FeatureStore",
}


def control(method, path, body=None):
    """A call to the emulator's control endpoint: (status, parsed JSON body)."""
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(ENDPOINT + "/_mock" + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def declare(group):
    status, body = control("POST", "/feature-groups", group)
    assert status == 200, body


def offline_rows(group="customers"):
    status, body = control("GET", "/feature-groups/" + group + "/offline-records")
    assert status == 200, body
    return body["records"]


def record(customer_id, event_time, **features):
    values = [
        {"FeatureName": "customer_id", "ValueAsString": customer_id},
        {"FeatureName": "event_time", "ValueAsString": event_time},
    ]
    values += [{"FeatureName": name, "ValueAsString": value} for name, value in features.items()]
    return values


def put(customer_id, event_time, group="customers", **features):
    runtime.put_record(FeatureGroupName=group, Record=record(customer_id, event_time, **features))


def get(customer_id, group="customers", **kwargs):
    return runtime.get_record(FeatureGroupName=group, RecordIdentifierValueAsString=customer_id, **kwargs)


def expect_client_error(call, code, status):
    try:
        call()
    except ClientError as error:
        got = (error.response["Error"]["Code"], error.response["ResponseMetadata"]["HTTPStatusCode"])
        assert got == (code, status), "expected %s, got %s: %s" % ((code, status), got, error)
        return error
    raise AssertionError("expected %s, the call succeeded" % code)


def delete(customer_id, event_time, mode=None):
    """DeleteRecord; HardDelete through the model when this botocore knows DeletionMode, else on the query string."""
    kwargs = {"FeatureGroupName": "customers", "RecordIdentifierValueAsString": customer_id, "EventTime": event_time}
    if mode is None:
        return runtime.delete_record(**kwargs)
    members = runtime.meta.service_model.operation_model("DeleteRecord").input_shape.members
    if "DeletionMode" in members:
        return runtime.delete_record(DeletionMode=mode, **kwargs)

    def add_mode(request, **_):
        request.url += "&DeletionMode=" + mode

    runtime.meta.events.register_first("before-sign.sagemaker-featurestore-runtime.DeleteRecord", add_mode)
    try:
        return runtime.delete_record(**kwargs)
    finally:
        runtime.meta.events.unregister("before-sign.sagemaker-featurestore-runtime.DeleteRecord", add_mode)


CHECKS = []


def check(function):
    CHECKS.append(function)
    return function


@check
def create_and_describe_feature_group():
    created = sagemaker.create_feature_group(**CUSTOMERS)
    assert created["FeatureGroupArn"] == "arn:aws:sagemaker:us-east-1:123456789012:feature-group/customers", created
    described = sagemaker.describe_feature_group(FeatureGroupName="customers")
    assert described["FeatureGroupName"] == "customers"
    assert described["FeatureGroupStatus"] == "Created", described["FeatureGroupStatus"]
    assert described["FeatureDefinitions"] == CUSTOMERS["FeatureDefinitions"]
    assert described["RecordIdentifierFeatureName"] == "customer_id"
    expect_client_error(lambda: sagemaker.create_feature_group(**CUSTOMERS), "ResourceInUse", 400)


@check
def put_record_then_get_record():
    declare(CUSTOMERS)
    put("c1", "2026-01-01T00:00:00Z", age="42", city="Lyon")
    assert get("c1")["Record"] == record("c1", "2026-01-01T00:00:00Z", age="42", city="Lyon")
    only = get("c1", FeatureNames=["city", "customer_id"])["Record"]
    assert only == [
        {"FeatureName": "customer_id", "ValueAsString": "c1"},
        {"FeatureName": "city", "ValueAsString": "Lyon"},
    ], only
    rows = offline_rows()
    assert [(r["customer_id"], r["age"], r["is_deleted"]) for r in rows] == [("c1", "42", False)], rows


@check
def get_record_of_an_absent_record_has_no_record():
    declare(CUSTOMERS)
    assert "Record" not in get("nobody")


@check
def get_record_of_a_missing_group_is_resource_not_found():
    error = expect_client_error(lambda: get("c1", group="nowhere"), "ResourceNotFound", 404)
    assert "nowhere" in error.response["Error"]["Message"], error.response["Error"]


@check
def put_record_without_the_event_time_is_a_validation_error_and_writes_nothing():
    declare(CUSTOMERS)
    bad = [{"FeatureName": "customer_id", "ValueAsString": "c1"}]
    error = expect_client_error(
        lambda: runtime.put_record(FeatureGroupName="customers", Record=bad), "ValidationError", 400
    )
    assert "event_time" in error.response["Error"]["Message"], error.response["Error"]
    assert offline_rows() == []
    assert "Record" not in get("c1")


@check
def an_older_event_time_reaches_only_the_offline_store():
    declare(CUSTOMERS)
    put("c1", "2026-01-02T00:00:00Z", city="Paris")
    put("c1", "2026-01-01T00:00:00Z", city="Lyon")
    assert get("c1", FeatureNames=["city"])["Record"] == [{"FeatureName": "city", "ValueAsString": "Paris"}]
    assert [r["city"] for r in offline_rows()] == ["Paris", "Lyon"]


@check
def batch_get_record_returns_found_records_and_omits_absent_ones():
    declare(CUSTOMERS)
    put("c1", "2026-01-01T00:00:00Z", age="1")
    put("c2", "2026-01-01T00:00:00Z", age="2")
    put("c3", "2026-01-01T00:00:00Z", age="3")
    answer = runtime.batch_get_record(
        Identifiers=[
            {"FeatureGroupName": "customers", "RecordIdentifiersValueAsString": ["c1", "nobody", "c2"]},
            {"FeatureGroupName": "customers", "RecordIdentifiersValueAsString": ["c3"], "FeatureNames": ["age"]},
        ]
    )
    found = [(r["FeatureGroupName"], r["RecordIdentifierValueAsString"], r["Record"]) for r in answer["Records"]]
    assert found == [
        ("customers", "c1", record("c1", "2026-01-01T00:00:00Z", age="1")),
        ("customers", "c2", record("c2", "2026-01-01T00:00:00Z", age="2")),
        ("customers", "c3", [{"FeatureName": "age", "ValueAsString": "3"}]),
    ], found
    assert answer["Errors"] == [] and answer["UnprocessedIdentifiers"] == [], answer


@check
def soft_delete_hides_the_record_keeps_a_tombstone_and_writes_a_marker():
    declare(CUSTOMERS)
    put("c1", "2026-01-01T00:00:00Z", age="42")
    delete("c1", "2026-01-02T00:00:00Z")
    assert "Record" not in get("c1")
    assert runtime.batch_get_record(
        Identifiers=[{"FeatureGroupName": "customers", "RecordIdentifiersValueAsString": ["c1"]}]
    )["Records"] == []
    status, online = control("GET", "/feature-groups/customers/online-records/c1")
    assert status == 200 and online["deleted"] is True and online["eventTime"] == "2026-01-02T00:00:00Z", online
    marker = offline_rows()[-1]
    assert (marker["customer_id"], marker["event_time"], marker["age"], marker["is_deleted"]) == (
        "c1",
        "2026-01-02T00:00:00Z",
        None,
        True,
    ), marker


@check
def hard_delete_removes_the_record_and_writes_a_marker():
    declare(CUSTOMERS)
    put("c1", "2026-01-01T00:00:00Z", age="42")
    delete("c1", "2026-01-02T00:00:00Z", mode="HardDelete")
    assert "Record" not in get("c1")
    status, _ = control("GET", "/feature-groups/customers/online-records/c1")
    assert status == 404, status
    assert [(r["event_time"], r["is_deleted"]) for r in offline_rows()] == [
        ("2026-01-01T00:00:00Z", False),
        ("2026-01-02T00:00:00Z", True),
    ]
    # No event-time watermark is left: an older record can be written and read again.
    put("c1", "2025-06-01T00:00:00Z", age="7")
    assert get("c1", FeatureNames=["age"])["Record"] == [{"FeatureName": "age", "ValueAsString": "7"}]


@check
def hard_delete_not_later_than_the_record_fails_and_writes_no_marker():
    declare(CUSTOMERS)
    put("c1", "2026-01-02T00:00:00Z")
    expect_client_error(lambda: delete("c1", "2026-01-01T00:00:00Z", mode="HardDelete"), "ValidationError", 400)
    assert "Record" in get("c1")
    assert [r["is_deleted"] for r in offline_rows()] == [False]


@check
def soft_delete_not_later_than_the_record_keeps_it_but_writes_a_marker():
    declare(CUSTOMERS)
    put("c1", "2026-01-02T00:00:00Z")
    delete("c1", "2026-01-01T00:00:00Z")
    assert "Record" in get("c1")
    assert [r["is_deleted"] for r in offline_rows()] == [False, True]


@check
def ttl_expires_records_on_the_emulator_clock():
    declare(dict(CUSTOMERS, OnlineStoreConfig={"EnableOnlineStore": True, "TtlDuration": {"Unit": "Hours", "Value": 1}}))
    status, clock = control("POST", "/clock", {"set": "2026-03-01T10:00:00Z"})
    assert status == 200 and clock["frozen"] is True, clock
    put("c1", "2026-03-01T09:30:00Z", age="42")  # expires at EventTime + 1h = 10:30
    assert "Record" in get("c1")
    control("POST", "/clock", {"advance": "29m"})
    assert "Record" in get("c1")
    control("POST", "/clock", {"advance": "1m"})
    assert "Record" not in get("c1")
    assert runtime.batch_get_record(
        Identifiers=[{"FeatureGroupName": "customers", "RecordIdentifiersValueAsString": ["c1"]}]
    )["Records"] == []
    status, _ = control("GET", "/feature-groups/customers/online-records/c1")
    assert status == 404
    # The offline store keeps what was written.
    assert [r["customer_id"] for r in offline_rows()] == ["c1"]


@check
def a_record_already_past_its_ttl_is_never_readable():
    declare(dict(CUSTOMERS, OnlineStoreConfig={"EnableOnlineStore": True, "TtlDuration": {"Unit": "Minutes", "Value": 5}}))
    control("POST", "/clock", {"set": "2026-03-01T10:00:00Z"})
    put("c1", "2026-03-01T09:00:00Z")
    assert "Record" not in get("c1")
    assert len(offline_rows()) == 1


def main():
    failures = 0
    for function in CHECKS:
        status, body = control("POST", "/reset")
        assert status == 200, body
        try:
            function()
            print("ok " + function.__name__)
        except Exception as error:  # report every check, then fail
            failures += 1
            detail = str(error) or traceback.format_exc(limit=2)
            print("FAIL %s: %s: %s" % (function.__name__, type(error).__name__, detail))
    print("%d checks, %d failed" % (len(CHECKS), failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
