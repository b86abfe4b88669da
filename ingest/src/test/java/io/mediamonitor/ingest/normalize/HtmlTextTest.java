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
