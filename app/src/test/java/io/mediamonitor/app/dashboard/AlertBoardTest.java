package io.mediamonitor.app.dashboard;

import static io.mediamonitor.app.dashboard.Fixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertBoardTest {

    private static final Instant T = Instant.parse("2025-03-12T14:00:00Z");

    @Test
    void keepsTheHighestRevisionOfEachAlert() {
        AlertBoard board = new AlertBoard(10);
        assertThat(board.offer(alert("a1", 0, "actor:aes", "AES", AlertStatus.OPEN, T, 9, 1.5))).isTrue();
        assertThat(board.offer(alert("a1", 2, "actor:aes", "AES", AlertStatus.ESCALATED, T, 14, 1.5))).isTrue();
        // replay of an older revision and a duplicate of the current one change nothing
        assertThat(board.offer(alert("a1", 1, "actor:aes", "AES", AlertStatus.UPDATED, T, 11, 1.5))).isFalse();
        assertThat(board.offer(alert("a1", 2, "actor:aes", "AES", AlertStatus.ESCALATED, T, 14, 1.5))).isFalse();

        assertThat(board.latest()).singleElement().satisfies(a -> {
            assertThat(a.getRevision()).isEqualTo(2);
            assertThat(a.getStatus()).isEqualTo(AlertStatus.ESCALATED);
            assertThat(a.getObserved()).isEqualTo(14);
        });
    }

    @Test
    void listsNewestFirstAndForgetsTheOldestWhenFull() {
        AlertBoard board = new AlertBoard(2);
        board.offer(alert("old", 0, "country:ML", "Mali", AlertStatus.OPEN, T.minusSeconds(7200), 5, 1));
        board.offer(alert("new", 0, "actor:aes", "AES", AlertStatus.OPEN, T, 9, 1));
        board.offer(alert("mid", 0, "actor:wagner", "Wagner", AlertStatus.OPEN, T.minusSeconds(3600), 6, 1));

        assertThat(board.latest()).extracting(Alert::getId).containsExactly("new", "mid");
        // an alert older than everything kept is not kept either, and nobody hears of it
        List<Alert> heard = new ArrayList<>();
        board.subscribe(heard::add);
        assertThat(board.offer(alert("ancient", 0, "country:NE", "Niger", AlertStatus.OPEN,
                T.minusSeconds(86_400), 3, 1))).isFalse();
        assertThat(heard).isEmpty();
        assertThat(board.size()).isEqualTo(2);
    }

    @Test
    void tellsSubscribersOfNewRevisionsUntilTheyUnsubscribe() throws Exception {
        AlertBoard board = new AlertBoard(10);
        List<String> heard = new ArrayList<>();
        AutoCloseable subscription = board.subscribe(a -> heard.add(a.getId() + "/" + a.getRevision()));
        board.subscribe(a -> {
            throw new IllegalStateException("a broken browser");
        });

        board.offer(alert("a1", 0, "actor:aes", "AES", AlertStatus.OPEN, T, 9, 1.5));
        board.offer(alert("a1", 0, "actor:aes", "AES", AlertStatus.OPEN, T, 9, 1.5));
        board.offer(alert("a1", 1, "actor:aes", "AES", AlertStatus.UPDATED, T, 10, 1.5));
        subscription.close();
        board.offer(alert("a1", 2, "actor:aes", "AES", AlertStatus.RESOLVED, T, 10, 1.5));

        assertThat(heard).containsExactly("a1/0", "a1/1");
    }
}
