package org.planmap.plan;

/** What a {@link PlanNode} is: a heading level of the outline, or a block shown in the table of contents. */
public enum NodeKind {
    /** 篇, e.g. {@code 第六篇}; id {@code p6}. */
    PART,
    /** 章, numbered 1–41 across the whole document; id {@code p6-c16}. */
    CHAPTER,
    /** 节, numbered from 1 within its chapter; id {@code p6-c16-s1}. */
    SECTION,
    /** 专栏, a boxed project list; id {@code col-8}. */
    COLUMN,
    /** 表, an indicator table; id {@code table-1}. */
    TABLE,
    /** 图, a figure caption (the picture itself is not in the text); id {@code fig-1}. */
    FIGURE
}
