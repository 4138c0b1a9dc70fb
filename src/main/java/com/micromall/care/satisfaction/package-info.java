/**
 * "How likely are you to recommend us?" after a completed order: the survey is asked by mail after a delay and on
 * the order page, happy answers get the share card, unhappy ones a follow-up task, and the owner sees the score.
 */
@NullMarked
package com.micromall.care.satisfaction;

import org.jspecify.annotations.NullMarked;
