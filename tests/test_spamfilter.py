import json
from io import StringIO

import pytest
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from headline.spamfilter import filter as spamfilter
from headline.spamfilter.features import MAX_FEATURE, extract
from headline.spamfilter.models import FeatureWeight

SPAM = [
    "Cheap pills online, buy viagra now at www.pills.example.top",
    "Earn money fast from home, click www.cash.example.biz today",
    "Casino bonus free spins, deposit now at www.spins.example.club",
    "Crypto profit guaranteed, invest with www.coin.example.io now",
]
HAM = [
    "The council meeting ran late and the budget vote was postponed.",
    "Lovely photos of the harbour festival, we went on Sunday.",
    "The referee missed a clear penalty in the second half.",
    "My daughter's school has a new head teacher this term.",
]


def spam_score(text):
    return spamfilter.spam_score(text, author="A Reader")


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps({"text": t, "label": label}) + "\n" for t, label in rows))
    return path


def run_eval(*args):
    out = StringIO()
    call_command("spam_eval", *map(str, args), stdout=out)
    return out.getvalue().splitlines()


def test_spam_eval_counts_precision_recall_and_false_positives(tmp_path):
    train = write_jsonl(
        tmp_path / "train.jsonl", [(t, "spam") for t in SPAM] + [(t, "ham") for t in HAM]
    )
    # The model learns the training comments, so its calls on them are known. Labelling two ham
    # comments "spam" and one spam comment "ham" gives TP 2, FN 2, FP 1, TN 3.
    test = write_jsonl(
        tmp_path / "test.jsonl",
        [(SPAM[0], "spam"), (SPAM[1], "spam"), (HAM[0], "spam"), (HAM[1], "spam")]
        + [(SPAM[2], "ham"), (HAM[2], "ham"), (HAM[3], "ham"), (HAM[1], "ham")],
    )

    lines = run_eval(test, "--train", train)

    summary = json.loads(lines[-1])
    assert set(summary) == {
        "comments",
        "precision",
        "recall",
        "f1",
        "false_positive_rate",
        "ms_per_comment",
    }
    assert summary["comments"] == 8
    assert summary["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert summary["recall"] == pytest.approx(0.5)
    assert summary["f1"] == pytest.approx(4 / 7, abs=1e-4)
    assert summary["false_positive_rate"] == pytest.approx(0.25)
    assert summary["ms_per_comment"] > 0


def test_spam_eval_cross_validation_reports_every_fold_and_the_worst(tmp_path):
    rows = [(t, "spam") for t in SPAM] + [(t, "ham") for t in HAM]
    data = write_jsonl(tmp_path / "all.jsonl", rows)

    lines = run_eval(data, "--folds", 4)

    assert [line.split(":")[0] for line in lines[:-1]] == [f"fold {i}/4" for i in range(1, 5)]
    summary = json.loads(lines[-1])
    assert summary["comments"] == len(rows)
    assert summary["splits"] == 4
    assert summary["worst_f1"] <= summary["f1"]


def test_spam_eval_rejects_an_unknown_label(tmp_path):
    data = write_jsonl(tmp_path / "bad.jsonl", [("hello", "maybe")])
    with pytest.raises(ValueError, match="bad.jsonl:1"):
        run_eval(data)


@pytest.mark.django_db
def test_spam_eval_leaves_the_sites_model_alone(tmp_path):
    data = write_jsonl(
        tmp_path / "all.jsonl", [(t, "spam") for t in HAM] + [(t, "ham") for t in SPAM]
    )
    before = FeatureWeight.objects.as_dict()

    run_eval(data)

    assert FeatureWeight.objects.as_dict() == before


@pytest.mark.django_db
def test_the_shipped_model_tells_obvious_spam_from_a_reader_comment():
    spam = (
        "Make $400 a day from home!!! Message me on WhatsApp or visit www.easy-income.example.biz"
    )
    reader = "I live on that street and the potholes have been reported three times this year."

    assert spam_score(spam) >= spamfilter.DEFAULT_THRESHOLD
    assert spam_score(reader) < 0.2


@pytest.mark.django_db
def test_learning_moves_later_scores_the_moderators_way(django_capture_on_commit_callbacks):
    comment = "Visit my page for a surprise, see you there"
    before = spam_score(comment)

    with django_capture_on_commit_callbacks(execute=True):
        spamfilter.learn(comment, author="A Reader", is_spam=True)
    marked = spam_score(comment)
    with django_capture_on_commit_callbacks(execute=True):
        spamfilter.learn(comment, author="A Reader", is_spam=False)
    approved = spam_score(comment)

    assert marked > before
    assert marked >= spamfilter.DEFAULT_THRESHOLD
    assert approved < marked
    assert approved < spamfilter.DEFAULT_THRESHOLD


@pytest.mark.django_db
def test_unlearning_takes_a_decision_back_towards_undecided(django_capture_on_commit_callbacks):
    comment = "Visit my page for a surprise, see you there"
    with django_capture_on_commit_callbacks(execute=True):
        spamfilter.learn(comment, author="A Reader", is_spam=True)
    marked = spam_score(comment)

    with django_capture_on_commit_callbacks(execute=True):
        spamfilter.unlearn(comment, author="A Reader", is_spam=True)

    assert 0.3 < spam_score(comment) < marked


@pytest.mark.django_db
def test_another_process_sees_a_decision_once_it_commits(
    django_capture_on_commit_callbacks, django_assert_num_queries
):
    comment = "Visit my page for a surprise, see you there"
    other_process = spamfilter.StoredModel()
    features = extract(comment)
    before = other_process.get().score(features)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        spamfilter.learn(comment, is_spam=True)
    # Until the decision commits, the other process keeps scoring from memory, without queries.
    with django_assert_num_queries(0):
        assert other_process.get().score(features) == before
    for callback in callbacks:
        callback()

    with django_assert_num_queries(1):
        assert other_process.get().score(features) > before


@pytest.mark.django_db
def test_decisions_made_from_stale_copies_add_up():
    features = {"word-a", "word-b"}
    FeatureWeight.objects.shift(features, 0.5)
    FeatureWeight.objects.shift(features, 0.25)

    assert FeatureWeight.objects.filter(feature__in=features).as_dict() == {
        "word-a": 0.75,
        "word-b": 0.75,
    }


@pytest.mark.django_db
def test_train_spamfilter_replaces_the_stored_model(tmp_path):
    data = write_jsonl(tmp_path / "tiny.jsonl", [(SPAM[0], "spam"), (HAM[0], "ham")])
    out = StringIO()

    call_command("train_spamfilter", str(data), stdout=out)

    assert "Trained on 2 comments (1 spam, 1 good)" in out.getvalue()
    assert not FeatureWeight.objects.filter(feature="potholes").exists()
    assert spam_score(SPAM[0]) >= spamfilter.DEFAULT_THRESHOLD
    assert spam_score(HAM[0]) < spamfilter.DEFAULT_THRESHOLD


@given(st.text(), st.text(max_size=50), st.text(max_size=50), st.text(max_size=80))
def test_any_comment_yields_features_that_fit_the_table(text, author, email, url):
    features = extract(text, author, email, url)

    assert all(0 < len(feature) <= MAX_FEATURE for feature in features)
    assert features == extract(text, author, email, url)


def test_held_out_youtube_comments_meet_the_target(shared_corpus):
    lines = run_eval(shared_corpus / "comment-spam" / "youtube-spam-train.jsonl")

    summary = json.loads(lines[-1])
    assert summary["f1"] >= 0.95
    assert summary["false_positive_rate"] <= 0.02
