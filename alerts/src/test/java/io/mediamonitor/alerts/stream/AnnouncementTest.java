package io.mediamonitor.alerts.stream;

import static io.mediamonitor.model.AlertStatus.ESCALATED;
import static io.mediamonitor.model.AlertStatus.OPEN;
import static io.mediamonitor.model.AlertStatus.RESOLVED;
import static io.mediamonitor.model.AlertStatus.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.alerts.stream.Announcement.Heard;
import io.mediamonitor.model.AlertStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnouncementTest {

    /** The statuses told of a sequence of (status, watched) records of one alert, starting from {@code heard}. */
    private static List<AlertStatus> told(Heard heard, Object... records) {
        List<AlertStatus> told = new ArrayList<>();
        for (int i = 0; i < records.length; i += 2) {
            AlertStatus status = (AlertStatus) records[i];
            boolean watched = (Boolean) records[i + 1];
            boolean tell = Announcement.told(status, watched, heard);
            if (tell) {
                told.add(status);
            }
            heard = Announcement.after(status, tell, heard);
        }
        return told;
    }

    @Test
    void anAlertOfAWatchedTermIsToldWhole() {
        assertThat(told(null, OPEN, true, ESCALATED, true, RESOLVED, true, UPDATED, true, RESOLVED, true))
                .containsExactly(OPEN, ESCALATED, RESOLVED, UPDATED, RESOLVED);
    }

    @Test
    void anAlertPeopleWereToldOfIsClosedOnceItsTermIsDisabledButNotUpdated() {
        assertThat(told(null, OPEN, true, UPDATED, false, RESOLVED, false)).containsExactly(OPEN, RESOLVED);
        // reopened within the cooldown while disabled, and resolved again: people heard it ended, once
        assertThat(told(null, OPEN, true, RESOLVED, false, UPDATED, false, RESOLVED, false))
                .containsExactly(OPEN, RESOLVED);
        assertThat(told(null, OPEN, true, RESOLVED, true, UPDATED, false, RESOLVED, true))
                .containsExactly(OPEN, RESOLVED);
    }

    @Test
    void aSilentAlertStaysSilentWhenItsTermIsWatchedDuringIt() {
        assertThat(told(null, OPEN, false, ESCALATED, true, RESOLVED, true, UPDATED, true, RESOLVED, true)).isEmpty();
    }

    @Test
    void anAlertOpenedBeforeAnnouncementsWereKeptFollowsTheWatchlistAsBefore() {
        assertThat(Announcement.told(RESOLVED, true, null)).isTrue();
        assertThat(Announcement.told(RESOLVED, false, null)).isFalse();
        assertThat(Announcement.told(UPDATED, true, null)).isTrue();
    }
}
