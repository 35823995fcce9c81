package org.equitymark.bench;

import java.util.Map;

/**
 * What the people in one case submit, step by step: the registration, the payment confirmation, the
 * self-assessment claims and evidence, the review, the assessor's findings, the panel's decision. Ours
 * and the baseline receive the same values, so that the baseline is the engine's floor for carrying
 * the same case data, not an empty case.
 */
record CaseData(Map<String, Object> registration, Map<String, Object> payment, Map<String, Object> claims,
    Map<String, Object> review, Map<String, Object> findings, Map<String, Object> panel) {
}
