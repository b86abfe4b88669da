package io.mediamonitor.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.model.AlertAcknowledgement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AcknowledgementBoardTest {

    @Test
    void aLongNoteIsCutBetweenCharactersNotInsideOne() {
        AcknowledgementBoard board = new AcknowledgementBoard(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        // 199 letters, then an emoji (two UTF-16 units) astride the limit of 200
        String note = "a".repeat(AcknowledgementBoard.MAX_TEXT - 1) + "\uD83D\uDE80 and more";

        AlertAcknowledgement stored = board.acknowledge("alert-1", "desk", note);

        assertThat(stored.getNote()).isEqualTo("a".repeat(AcknowledgementBoard.MAX_TEXT - 1));
        assertThat(board.acknowledge("alert-2", "desk", "short \uD83D\uDE80").getNote())
                .isEqualTo("short \uD83D\uDE80");
    }
}
