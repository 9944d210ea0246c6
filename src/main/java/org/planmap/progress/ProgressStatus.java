package org.planmap.progress;

import java.util.Arrays;
import java.util.Optional;

/**
 * The status of a catalogue item's implementation. {@link #NOT_RECORDED} is never stored: it is what an item
 * nobody has recorded shows (未填报), so the map never claims "not started" for an item no one looked at.
 */
public enum ProgressStatus {
    NOT_STARTED("not-started", "未开工", "Not started"),
    PREPARING("preparing", "前期准备", "Preparing"),
    UNDER_CONSTRUCTION("under-construction", "在建", "Under construction"),
    COMPLETED("completed", "已建成", "Completed"),
    PAUSED("paused", "暂停", "Paused"),
    CANCELLED("cancelled", "取消", "Cancelled"),
    NOT_RECORDED("not-recorded", "未填报", "Not recorded");

    private final String code;
    private final String zh;
    private final String en;

    ProgressStatus(String code, String zh, String en) {
        this.code = code;
        this.zh = zh;
        this.en = en;
    }

    public String code() { return code; }
    public String zh() { return zh; }
    public String en() { return en; }

    /** Whether staff may record this status (all but {@link #NOT_RECORDED}). */
    public boolean recordable() {
        return this != NOT_RECORDED;
    }

    /** By code ({@code under-construction}) or Chinese name ({@code 在建}), as a spreadsheet user types either. */
    public static Optional<ProgressStatus> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.strip();
        return Arrays.stream(values()).filter(s -> s.code.equalsIgnoreCase(t) || s.zh.equals(t)).findFirst();
    }
}
