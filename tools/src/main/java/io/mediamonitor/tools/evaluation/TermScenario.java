package io.mediamonitor.tools.evaluation;

import java.util.List;

/**
 * One simulated term: its articles in arrival order and the events injected in them.
 *
 * @param term     typed term name
 * @param level    its usual stories per hour
 * @param articles articles in arrival order
 * @param events   injected events, by start
 * @param truth    the rate the articles were drawn from, for the oracles
 */
public record TermScenario(String term, double level, List<SimArticle> articles, List<InjectedEvent> events,
                           TermTruth truth) {
}
