package io.mediamonitor.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void stripsTagsAndDecodesEntities() {
        assertThat(HtmlText.clean("<p>L&rsquo;arm&eacute;e du <b>Mali</b>&nbsp;!</p>\n<p>Suite</p>"))
                .isEqualTo("L’armée du Mali ! Suite");
    }

    @Test
    void composesAccentsWrittenAsCombiningMarks() {
        // "Se" U+0301 "ne" U+0301 "gal", in plain text and in HTML: one char per accented letter, as typed
        assertThat(HtmlText.clean("Se\u0301ne\u0301gal")).isEqualTo("Sénégal").hasSize(7);
        assertThat(HtmlText.clean("<p>E\u0301tats du Sahel</p>")).isEqualTo("États du Sahel");
    }

    @Test
    void decodesDoubleEscapedEntitiesOnce() {
        assertThat(HtmlText.clean("S&amp;eacute;curit&amp;eacute;")).isEqualTo("Sécurité");
    }

    @Test
    void leavesPlainTextAndLiteralMarkupAlone() {
        assertThat(HtmlText.clean("  Mali:   a\tnew  junta ")).isEqualTo("Mali: a new junta");
        assertThat(HtmlText.clean("Why &lt;script&gt; tags matter")).isEqualTo("Why <script> tags matter");
    }

    @Test
    void emptyBecomesNullAndLongTextIsCut() {
        assertThat(HtmlText.clean("<p> </p>")).isNull();
        assertThat(HtmlText.clean("abcdefghij", 4)).isEqualTo("abcd…");
    }
}
