package org.salesbench.workflow.tests.approvals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.salesbench.core.time.Clocks;

/** A clock that stands still until a test moves it on (an SLA passing), starting at the run's own time. */
final class MovableClock extends Clock {

    private volatile Instant now = Clocks.system().instant();

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.systemDefault();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
