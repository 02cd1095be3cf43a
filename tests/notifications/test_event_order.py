"""Events in time order (contract, Events): the list, newest first, never shows `at`
increasing, and an event's `at` is never before the commit of an event listed after it.

A change records its events as the last work of its transaction, under its marketplace's
event-log lock held until the commit; a change on the wall clock (`at` from
common.clock.now, read before its locks were held) is recorded at the clock's time then; a
frozen `at` (tests) is recorded as given."""

import datetime
import threading
import time

import pytest
from django.db import connection
from django.utils import timezone

from common import clock
from common.errors import BusinessRule
from common.transactions import before_commit, request_unit, service
from credits import services as credits
from notifications.models import Event
from notifications.services import event_record
from tests.api.conftest import ApiClient, key_for
from tests.conftest import T0
from tests.factories import ad_hoc, configure, invoice

MINUTE = datetime.timedelta(minutes=1)


def events_of(mp):
    return list(Event.objects.filter(marketplace=mp).order_by("id"))


def later_than(moment):
    """The wall clock's time once it has moved past `moment`."""
    while (current := timezone.now()) <= moment:
        pass
    return current


class TestRecordingTime:
    def test_a_wall_clock_change_is_recorded_when_it_records(self, mp, customer):
        """The request reads the clock (at = now()) before its locks; the event is recorded
        at the clock's time once they are held: later than a time read after the request's.
        The memo keeps the request's time."""
        at = clock.now()
        between = later_than(at)
        memo = ad_hoc(mp, customer, "10.00", at=at)
        event = Event.objects.get(subject_id=memo.id)
        assert event.type == "credit_memo.issued"
        assert event.at >= between > at
        assert memo.issued_at == at

    def test_a_frozen_time_is_recorded_as_given(self, mp, customer):
        at = T0 + 5 * MINUTE
        memo = ad_hoc(mp, customer, "10.00", at=at)
        assert Event.objects.get(subject_id=memo.id).at == at

    def test_a_wall_clock_change_is_never_recorded_before_the_newest_event(self, mp,
                                                                          customer):
        """The newest event says one hour from now (a clock set back since, or a frozen
        time): a change on the wall clock is recorded at that hour too, not before it, so
        the list does not show time going up."""
        ahead = clock.plain(clock.now()) + 60 * MINUTE
        first = ad_hoc(mp, customer, "10.00", at=ahead)
        second = ad_hoc(mp, customer, "20.00", at=clock.now())
        newest, older = Event.objects.filter(marketplace=mp).order_by("-id")[:2]
        assert (older.subject_id, older.at) == (first.id, ahead)
        assert (newest.subject_id, newest.at) == (second.id, ahead)

    def test_wall_clock_time_computed_from_is_frozen(self):
        at = clock.now()
        assert clock.is_wall_clock(at)
        for computed in (at + MINUTE, MINUTE + at, at - MINUTE, at.replace(microsecond=0)):
            assert not clock.is_wall_clock(computed)
        assert at - at == datetime.timedelta(0)


@service
def _record_then_fail(*, mp, at):
    event_record(marketplace=mp, type="test.failed", actor="t", subject=("test", mp.id),
                 data={}, at=at)
    raise BusinessRule("refused after recording")


class TestLastWork:
    def test_a_service_records_its_events_last(self, mp, customer):
        """Within a request unit the events wait for its end: none is written while the
        unit runs; the failed service's event is dropped with its savepoint, the other's
        is written when the unit commits."""
        before = len(events_of(mp))
        with request_unit():
            memo = ad_hoc(mp, customer, "10.00", at=T0)
            with pytest.raises(BusinessRule):
                _record_then_fail(mp=mp, at=T0)
            assert len(events_of(mp)) == before
        assert [(e.type, e.subject_id) for e in events_of(mp)[before:]] == [
            ("credit_memo.issued", memo.id)]

    def test_a_unit_rolled_back_records_nothing(self, mp, customer):
        from django.db import transaction

        before = len(events_of(mp))
        with request_unit():
            ad_hoc(mp, customer, "10.00", at=T0)
            transaction.set_rollback(True)
        assert len(events_of(mp)) == before

    def test_last_work_runs_after_the_work_and_only_on_success(self, mp):
        ran = []

        @service
        def work(*, fail):
            before_commit(lambda: ran.append(("last", fail)))
            ran.append(("work", fail))
            if fail:
                raise BusinessRule("no")

        work(fail=False)
        with pytest.raises(BusinessRule):
            work(fail=True)
        assert ran == [("work", False), ("last", False), ("work", True)]
        assert before_commit(lambda: None) is False  # no service runs: do it at once

    def test_outside_a_service_an_event_is_recorded_at_once(self, mp):
        from django.db import transaction

        with transaction.atomic():
            event_record(marketplace=mp, type="test.recorded", actor="", subject=("test", mp.id),
                         data={"n": 1}, at=T0)
            event = Event.objects.get(marketplace=mp, type="test.recorded")
        assert (event.actor, event.at, event.data) == ("system", T0, {"n": 1})


def _run_threads(targets, timeout=120):
    errors = []

    def run(target):
        try:
            target()
        except BaseException as error:  # noqa: B036 - reported to the main thread below
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(t,)) for t in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    assert not any(thread.is_alive() for thread in threads), "a thread hung (deadlock?)"
    assert errors == []


def _listed(mp):
    """Every event of the marketplace as GET /api/v1/events lists it, newest first."""
    api = ApiClient(key_for(mp, "manager"))
    listed, params = [], {"limit": 100}
    while True:
        answer = api.get("/events", params)
        assert answer.status_code == 200, answer.content
        body = answer.json()
        listed += body["data"]
        if not body["has_more"]:
            return listed
        params = {"limit": 100, "cursor": body["next_cursor"]}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
class TestConcurrentWriters:
    def test_thirty_writers_list_in_time_order(self, mp, make_company):
        """30 threads, each on its own connection, 3 changes each, on the wall clock as the
        API runs them: 10 apply 1.00 of one memo (1,000.00) to their own invoice, contending
        for its lock; 4 do the same inside a request unit and keep the memo locked 0.15 s
        before committing; 6 issue memos and invoices (the number counter's lock); 6 pay
        out 1.00 of their own memo; 4 pay out inside a unit that keeps the event-log lock
        0.15 s before committing. Every change succeeds: 14 x 3 = 42 applications (42.00 of
        the memo), 10 x 3 = 30 payouts.

        Listed newest first, `at` never increases; each change's events are listed
        together; and each event's `at` is not before the moment the change of any event
        listed after it began to commit (read just before its COMMIT)."""
        configure(mp, auto_apply_credit_to_new_invoices=False)
        owner = make_company("Globex")
        shared = ad_hoc(mp, owner, "1000.00", at=T0)
        invoices = [invoice(mp, owner, "100.00", at=T0) for _ in range(14)]
        payers = [make_company(f"Payer {i}") for i in range(10)]
        payout_memos = [ad_hoc(mp, c, "100.00", at=T0) for c in payers]
        issuers = [make_company(f"Issuer {i}") for i in range(6)]
        setup_events = len(events_of(mp))

        commit_began = {}  # actor (one change) -> time read just before its COMMIT
        barrier = threading.Barrier(30)

        def apply(i, actor):
            credits.application_create(marketplace=mp, memo_id=shared.id,
                                       invoice_id=invoices[i].id, amount="1.00", actor=actor,
                                       at=clock.now())

        def apply_holding_memo(i, actor):
            with request_unit():
                apply(i, actor)
                time.sleep(0.15)

        def issue(i, actor):
            company = issuers[i]
            line = {"name": "Service", "quantity": "1", "unit_price": "5.00"}
            if actor.endswith(".1"):
                credits.invoice_create(marketplace=mp, company_id=company.id, lines=[line],
                                       actor=actor, at=clock.now())
            else:
                credits.credit_memo_create_ad_hoc(marketplace=mp, company_id=company.id,
                                                  reason_code="service_credit", lines=[line],
                                                  actor=actor, at=clock.now())

        def pay_out(i, actor):
            credits.payout_create(marketplace=mp, memo_id=payout_memos[i].id, amount="1.00",
                                  actor=actor, at=clock.now())

        def pay_out_holding_log(i, actor):
            with request_unit():
                pay_out(i, actor)
                before_commit(lambda: time.sleep(0.15))

        writers = ([(apply, i) for i in range(10)]
                   + [(apply_holding_memo, i) for i in range(10, 14)]
                   + [(issue, i) for i in range(6)]
                   + [(pay_out, i) for i in range(6)]
                   + [(pay_out_holding_log, i) for i in range(6, 10)])

        def writer(n, change, i):
            def run():
                connection.ensure_connection()
                running = {}
                commit = connection.commit

                def timed_commit():
                    commit_began[running["actor"]] = timezone.now()
                    commit()

                connection.commit = timed_commit
                barrier.wait(60)
                for k in range(3):
                    running["actor"] = f"w{n}.{k}"
                    change(i, running["actor"])
            return run

        _run_threads([writer(n, change, i) for n, (change, i) in enumerate(writers)])

        listed = _listed(mp)
        assert len(listed) == Event.objects.filter(marketplace=mp).count()
        written = listed[:len(listed) - setup_events]
        assert {e["actor"] for e in written} == set(commit_began) and len(commit_began) == 90
        types = [e["type"] for e in written]
        assert types.count("credit_memo.applied") == 42
        assert types.count("credit_memo.paid_out") == 30
        shared.refresh_from_db()
        assert shared.remaining_amount == 958

        at = [datetime.datetime.fromisoformat(e["at"]) for e in listed]
        increases = [(listed[i]["id"], listed[i + 1]["id"]) for i in range(len(at) - 1)
                     if at[i] < at[i + 1]]
        assert increases == []

        actors = [e["actor"] for e in written]
        runs = [a for i, a in enumerate(actors) if i == 0 or actors[i - 1] != a]
        assert len(runs) == len(set(runs)) == 90  # each change's events together

        before_commit_of_older = []
        oldest_first = list(reversed(written))
        for i, event in enumerate(oldest_first):
            for older in oldest_first[:i]:
                if older["actor"] != event["actor"] and (
                        datetime.datetime.fromisoformat(event["at"])
                        < commit_began[older["actor"]]):
                    before_commit_of_older.append((event["id"], older["id"]))
        assert before_commit_of_older == []

    def test_a_change_waiting_for_a_lock_holds_no_event_lock(self, mp, make_company):
        """Change B (a request unit) takes the shared memo's lock; change A (another unit)
        issues a memo, then applies the shared memo and waits for B; B then applies it too
        and ends. Had A recorded its events (taking the event-log lock) before waiting, B
        would wait for A at its own events: a deadlock. Both succeed: B's event is listed
        before A's two, which are listed together, `at` in order; 100.00 - 1.00 - 2.00 =
        97.00 remains."""
        from credits import locks

        configure(mp, auto_apply_credit_to_new_invoices=False)
        owner = make_company("Globex")
        shared = ad_hoc(mp, owner, "100.00", at=T0)
        first, second = (invoice(mp, owner, "50.00", at=T0) for _ in range(2))
        a_pid, a_ready, b_holds = [], threading.Event(), threading.Event()

        def change_a():
            connection.ensure_connection()
            a_pid.append(connection.connection.info.backend_pid)
            a_ready.set()
            assert b_holds.wait(60)
            with request_unit():
                ad_hoc(mp, owner, "5.00", at=clock.now())
                credits.application_create(marketplace=mp, memo_id=shared.id,
                                           invoice_id=first.id, amount="1.00", actor="A",
                                           at=clock.now())

        def change_b():
            with request_unit():
                locks.memo(marketplace=mp, id=shared.id)
                b_holds.set()
                assert a_ready.wait(60)
                with connection.cursor() as cursor:
                    for _ in range(6000):
                        cursor.execute("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE pid = %s "
                                       "AND NOT granted)", a_pid)
                        if cursor.fetchone()[0]:
                            break
                        time.sleep(0.01)
                    else:
                        raise AssertionError("A never waited for the memo")
                credits.application_create(marketplace=mp, memo_id=shared.id,
                                           invoice_id=second.id, amount="2.00", actor="B",
                                           at=clock.now())

        _run_threads([change_a, change_b])
        newest = list(Event.objects.filter(marketplace=mp).order_by("-id")[:3])
        assert [(e.actor, e.type) for e in newest] == [
            ("A", "credit_memo.applied"), ("test", "credit_memo.issued"),
            ("B", "credit_memo.applied")]
        assert newest[0].at >= newest[1].at >= newest[2].at
        shared.refresh_from_db()
        assert shared.remaining_amount == 97
