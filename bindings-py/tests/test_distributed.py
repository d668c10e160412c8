"""check_many on a real Dask distributed cluster: 2 worker processes, a partitioned dataset,
map_partitions. The answers must equal a local check_many of the same records."""

import pandas as pd
import pytest

import gongkai

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
dd = pytest.importorskip("dask.dataframe")


def records(n):
    out = []
    for i in range(n):
        out.append(
            {
                "kind": "publication",
                "id": f"rec-{i}",
                "item": "admin.art20.01" if i % 3 else "admin.art20.99",
                "institution": {"kind": "administrative", "tier": "county", "role": "government"},
                "title": f"某县关于第{i}号文件的通知",
                "formed": "2025-01-24",
                "published": "2025-02-07" if i % 2 else "2025-03-31",
                "channels": ["government_website"],
                "fields": {"document_title": f"文件{i}", "document_number": f"某府发〔2025〕{i}号", "issue_date": "2025-01-24"},
            }
        )
    return out


def check_partition(frame: pd.DataFrame) -> pd.DataFrame:
    # Runs inside a worker process: the extension is imported there, catalogues parsed once per process.
    import gongkai as gk

    reports = gk.check_many(frame.drop(columns=["row"]))
    rows = reports.to_pandas()
    rows["record"] = frame["row"].to_numpy()[rows["record"].to_numpy()] if len(rows) else rows["record"]
    return rows[["record", "id", "code", "severity", "path"]]


def test_check_many_on_a_dask_local_cluster():
    data = records(600)
    frame = pd.DataFrame(data)
    frame.insert(0, "row", range(len(frame)))
    meta = pd.DataFrame(
        {"record": pd.Series(dtype="int64"), "id": pd.Series(dtype="object"), "code": pd.Series(dtype="object"),
         "severity": pd.Series(dtype="object"), "path": pd.Series(dtype="object")}
    )
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            assert len(client.scheduler_info()["workers"]) == 2
            # Keep nested columns (dicts, lists) as objects: Dask would otherwise turn them into strings.
            with dask.config.set({"dataframe.convert-string": False}):
                ddf = dd.from_pandas(frame, npartitions=6)
            result = ddf.map_partitions(check_partition, meta=meta).compute()
            # every worker did some of the work
            assert len(set(client.run(lambda: __import__("os").getpid()).values())) == 2

    local = gongkai.check_many(data).to_pandas()[["record", "id", "code", "severity", "path"]]
    key = ["record", "code", "path"]
    got = result.sort_values(key).reset_index(drop=True)
    want = local.sort_values(key).reset_index(drop=True)
    assert len(want) > 0, "the dataset must produce diagnostics to compare"
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    # a record with an unknown item is reported by the cluster too
    assert (got[got["id"] == "rec-0"]["code"] == "item_unknown").any()
