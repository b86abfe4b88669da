package io.mediamonitor.alerts.stream;

import io.mediamonitor.model.AlertArticle;
import io.mediamonitor.model.state.TermArticles;
import java.util.List;

/** One article mentioning a term, with the term's display name, on its way to the term's partition. */
record LabelledArticle(String label, AlertArticle article) {

    /** Carried through the repartition topic as a one-article TermArticles, to reuse its schema. */
    TermArticles toWire() {
        return new TermArticles(label, List.of(article));
    }

    static LabelledArticle fromWire(TermArticles wire) {
        return new LabelledArticle(wire.getLabel(), wire.getArticles().get(0));
    }
}
