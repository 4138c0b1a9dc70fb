package com.micromall.care.satisfaction;

/** The three kinds of answer to "how likely are you to recommend us?", as the net promoter score counts them. */
enum AnswerKind {
    /** 9–10: thanked and offered the share card. */
    PROMOTER,
    /** 7–8: asked what would make it a 10, invited gently to share. */
    PASSIVE,
    /** 0–6: never asked to share; the owner follows up. */
    DETRACTOR;

    static AnswerKind of(int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("score " + score);
        }
        return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
    }
}
