package io.mediamonitor.alerts.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertArticle;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat accept the same shape):
 * {@code {"text": headline, "blocks": [header, facts, explanation, articles, context]}} in Slack
 * mrkdwn, articles as {@code <url|title>} links. {@code text} is the fallback shown in
 * notifications and by clients without blocks.
 */
public final class SlackNotifier implements Notifier {

    /** Slack refuses a header over 150 characters and a section text over 3000. */
    private static final int HEADER_MAX = 150;
    private static final int SECTION_MAX = 3000;

    private final JsonPoster poster;

    public SlackNotifier(URI webhookUrl, Duration timeout) {
        this.poster = new JsonPoster(webhookUrl, timeout, Map.of());
    }

    public SlackNotifier(URI webhookUrl) {
        this(webhookUrl, Duration.ofSeconds(10));
    }

    @Override
    public void deliver(Alert alert) throws DeliveryException {
        poster.post(AlertJson.write(payload(alert)), Map.of());
    }

    @Override
    public Duration attemptLimit() {
        return poster.attemptLimit();
    }

    /** The message body for one alert. Pure. */
    public static ObjectNode payload(Alert alert) {
        ObjectNode message = AlertJson.object();
        message.put("text", AlertFormatter.subject(alert));
        ArrayNode blocks = message.putArray("blocks");

        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("emoji", true)
                .put("text", truncate(AlertFormatter.headline(alert), HEADER_MAX));

        String label = AlertFormatter.clean(alert.getLabel());
        String facts = "*" + alert.getSeverity().name() + "* " + AlertFormatter.kind(alert.getKind())
                + " · " + alert.getStatus().name() + " · `" + escape(AlertFormatter.clean(alert.getTerm())) + "`"
                + (label.isEmpty() ? "" : " " + escape(label)) + "\n"
                + "*" + alert.getObserved() + "* " + (alert.getObserved() == 1 ? "story" : "stories") + " from *"
                + alert.getDistinctSources() + "* " + (alert.getDistinctSources() == 1 ? "source" : "sources")
                + " vs *" + AlertFormatter.number(alert.getExpected()) + "* expected (score "
                + AlertFormatter.number(alert.getScore()) + ")";
        section(blocks, facts);

        String explanation = AlertFormatter.clean(alert.getExplanation());
        if (!explanation.isEmpty()) {
            section(blocks, escape(explanation));
        }

        List<AlertArticle> articles = alert.getTopArticles() == null ? List.of() : alert.getTopArticles();
        if (!articles.isEmpty()) {
            StringBuilder links = new StringBuilder();
            for (AlertArticle article : articles) {
                String source = " — " + escape(AlertFormatter.clean(article.getSource())) + "\n";
                String line = "• " + link(article.getUrl(), article.getTitle()) + source;
                if (line.length() > SECTION_MAX) {
                    // a link longer than a section (tracking and redirect links can be): the title alone
                    line = "• " + escape(truncate(AlertFormatter.clean(article.getTitle()), 300)) + source;
                }
                if (links.length() + line.length() <= SECTION_MAX) {
                    links.append(line);
                }
            }
            if (!links.isEmpty()) {
                section(blocks, links.toString().stripTrailing()); // Slack refuses a section without text
            }
        }

        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text",
                truncate("window " + AlertFormatter.time(alert.getWindowStart()) + " – "
                        + AlertFormatter.time(alert.getWindowEnd()) + " · alert " + alert.getId() + " rev "
                        + alert.getRevision() + " · " + escape(AlertFormatter.clean(alert.getMethod())), SECTION_MAX));
        return message;
    }

    /** A Slack link {@code <url|title>}; the three control characters are escaped as Slack asks. */
    static String link(String url, String title) {
        String cleanUrl = AlertFormatter.clean(url).replace("|", "%7C").replace(">", "%3E").replace("<", "%3C");
        String text = escape(AlertFormatter.clean(title)).replace("|", "¦");
        return "<" + cleanUrl + "|" + (text.isEmpty() ? cleanUrl : text) + ">";
    }

    /** Slack mrkdwn needs {@code & < >} escaped, and nothing else. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        ObjectNode section = blocks.addObject().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", truncate(mrkdwn, SECTION_MAX));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    @Override
    public String toString() {
        return "slack " + JsonPoster.safe(poster.uri());
    }
}
