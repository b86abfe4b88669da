package io.mediamonitor.alerts.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.model.AlertStatus;
import org.junit.jupiter.api.Test;

class AnnouncementTest {

    @Test
    void anAlertOpensOnlyForAWatchedTerm() {
        assertThat(Announcement.told(AlertStatus.OPEN, true, null)).isTrue();
        assertThat(Announcement.told(AlertStatus.OPEN, false, true)).isFalse();
    }

    @Test
    void anAlertPeopleWereToldOfIsClosedEvenOnceItsTermIsDisabledButNotUpdated() {
        assertThat(Announcement.told(AlertStatus.RESOLVED, false, true)).isTrue();
        assertThat(Announcement.told(AlertStatus.UPDATED, false, true)).isFalse();
        assertThat(Announcement.told(AlertStatus.ESCALATED, true, true)).isTrue();
    }

    @Test
    void aSilentAlertStaysSilentWhenItsTermIsWatchedDuringIt() {
        assertThat(Announcement.told(AlertStatus.ESCALATED, true, false)).isFalse();
        assertThat(Announcement.told(AlertStatus.RESOLVED, true, false)).isFalse();
    }

    @Test
    void anAlertOpenedBeforeAnnouncementsWereKeptFollowsTheWatchlistAsBefore() {
        assertThat(Announcement.told(AlertStatus.RESOLVED, true, null)).isTrue();
        assertThat(Announcement.told(AlertStatus.RESOLVED, false, null)).isFalse();
    }
}
