package org.planmap.indicators;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which way an indicator improves. Read from {@code geodata/indicators/directions.csv}. */
public enum Direction {
    /** More is better: the target is a floor to reach. */
    HIGHER("higher"),
    /** Less is better: the target is a ceiling (unemployment, death rates, income gaps). */
    LOWER("lower");

    private final String code;

    Direction(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Direction of(String code) {
        for (Direction d : values()) {
            if (d.code.equals(code.strip())) {
                return d;
            }
        }
        throw new IllegalArgumentException("direction must be 'higher' or 'lower', not '" + code + "'");
    }
}
