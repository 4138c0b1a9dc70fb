package com.micromall.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameMaskTests {

    @Test
    void keepsTheFirstAndLastCharacterWithThreeStarsBetween() {
        assertThat(NameMask.mask("Anna")).isEqualTo("A***a");
        assertThat(NameMask.mask("  Anna Li ")).isEqualTo("A***i");
    }

    @Test
    void chineseNamesAreMaskedByCharacter() {
        assertThat(NameMask.mask("王小明")).isEqualTo("王***明");
        assertThat(NameMask.mask("李明")).isEqualTo("李***");
    }

    @Test
    void oneOrTwoCharacterNamesKeepOnlyTheFirstSoTheMaskNeverSpellsTheWholeName() {
        assertThat(NameMask.mask("A")).isEqualTo("A***");
        assertThat(NameMask.mask("Li")).isEqualTo("L***");
    }

    @Test
    void blankNamesAndCharactersOutsideTheBasicPlaneAreSafe() {
        assertThat(NameMask.mask("   ")).isEqualTo("***");
        assertThat(NameMask.mask("😀Zoe😀")).isEqualTo("😀***😀");
    }
}
