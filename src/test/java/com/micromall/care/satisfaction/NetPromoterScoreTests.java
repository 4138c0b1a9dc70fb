package com.micromall.care.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** NPS = % promoters (9–10) − % detractors (0–6), passives (7–8) counted in the total only. */
class NetPromoterScoreTests {

    private static NetPromoterScore of(int... scores) {
        NetPromoterScore nps = NetPromoterScore.NONE;
        for (int score : scores) {
            nps = nps.plus(score);
        }
        return nps;
    }

    @Test
    void promotersMinusDetractorsInPercentOfAllAnswers() {
        NetPromoterScore nps = of(10, 9, 9, 8, 3);
        assertThat(nps.promoters()).isEqualTo(3);
        assertThat(nps.passives()).isEqualTo(1);
        assertThat(nps.detractors()).isEqualTo(1);
        assertThat(nps.score()).isEqualTo(40); // 60 % − 20 %
    }

    @Test
    void theBoundariesBetweenKindsAreSixSevenAndEightNine() {
        assertThat(AnswerKind.of(6)).isEqualTo(AnswerKind.DETRACTOR);
        assertThat(AnswerKind.of(7)).isEqualTo(AnswerKind.PASSIVE);
        assertThat(AnswerKind.of(8)).isEqualTo(AnswerKind.PASSIVE);
        assertThat(AnswerKind.of(9)).isEqualTo(AnswerKind.PROMOTER);
        assertThat(AnswerKind.of(0)).isEqualTo(AnswerKind.DETRACTOR);
        assertThatThrownBy(() -> AnswerKind.of(11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnswerKind.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theScoreRunsFromMinusToPlusHundredAndRoundsHalfUp() {
        assertThat(of(10, 10).score()).isEqualTo(100);
        assertThat(of(0, 6).score()).isEqualTo(-100);
        assertThat(of(7, 8).score()).isZero();
        assertThat(of(10, 7, 7).score()).isEqualTo(33); // 33.3
        assertThat(of(10, 10, 7).score()).isEqualTo(67); // 66.7
        assertThat(of(10, 7, 7, 7, 7, 7, 7, 7).score()).isEqualTo(13); // 12.5 rounds up
        assertThat(of(0, 7, 7, 7, 7, 7, 7, 7).score()).isEqualTo(-13); // −12.5 rounds away from zero
    }

    @Test
    void noAnswersIsNoScoreRatherThanZero() {
        assertThat(NetPromoterScore.NONE.score()).isNull();
        assertThat(NetPromoterScore.NONE.answers()).isZero();
    }

    @Test
    void countsAddUp() {
        assertThat(of(10, 3).plus(of(8)).score()).isZero();
    }

    @Test
    void theChartDrawsPositiveScoresRightOfTheMiddleAndNegativeOnesLeft() {
        AdminSatisfactionController.Bar up = AdminSatisfactionController.bar("w", of(10, 10, 7)); // 67
        assertThat(up.x()).isEqualTo(100);
        assertThat(up.width()).isEqualTo(67);
        AdminSatisfactionController.Bar down = AdminSatisfactionController.bar("w", of(0, 0, 7, 10)); // −25
        assertThat(down.x()).isEqualTo(75);
        assertThat(down.width()).isEqualTo(25);
        assertThat(down.negative()).isTrue();
    }
}
