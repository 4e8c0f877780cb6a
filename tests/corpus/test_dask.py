"""usru_nlp.dask on a real distributed.LocalCluster: two worker processes on loopback."""
from __future__ import annotations

import pytest

from .conftest import records

pytest.importorskip("dask.bag")
pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
                                       dashboard_address=None)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def _loads():
    import usru_nlp.dask

    return usru_nlp.dask.LOADS


def test_bag_and_dataframe_match_the_local_run(client, extractor):
    import dask.bag as db
    import dask.dataframe as dd

    from usru_nlp import frames
    from usru_nlp.dask import annotate_bag, annotate_dataframe

    items = records(200)
    out = annotate_bag(db.from_sequence(items, npartitions=6), model="none").compute()
    assert [rec["id"] for rec in out] == [item["id"] for item in items]
    local = [extractor.extract(item["text"], published=item["published"]) for item in items]
    assert [rec["result"]["officials"] for rec in out] == [[o.to_dict() for o in r.officials] for r in local]

    frame = pd.DataFrame(items + [{"id": "bad", "text": None, "published": "2019-01-01"}])
    ddf = dd.from_pandas(frame, npartitions=4)
    mentions = annotate_dataframe(ddf, model="none").compute()
    assert tuple(mentions.columns) == frames.MENTION_COLUMNS
    assert len(mentions) == sum(len(r) for r in local)
    assert mentions.groupby("doc_id").size().to_dict() == {item["id"]: len(r) for item, r in zip(items, local) if len(r)}
    articles = annotate_dataframe(ddf, model="none", output="articles").compute()
    assert len(articles) == 201 and articles.set_index("doc_id").loc["bad", "error"].startswith("KeyError")

    loads = client.run(_loads)  # one pipeline per worker process, however many partitions it ran
    assert len(loads) == 2 and all(n <= 1 for n in loads.values()) and sum(loads.values()) >= 1
