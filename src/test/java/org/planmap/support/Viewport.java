package org.planmap.support;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;

/** The screens issue #12 is judged on: a 390×844 phone, a 1440×900 desktop, a 1920×1080 projector. */
public enum Viewport {
    PHONE(390, 844), DESKTOP(1440, 900), PROJECTOR(1920, 1080);

    public final int width;
    public final int height;

    Viewport(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** Resizes the (headless) window; its viewport is then this size. */
    public void apply(WebDriver driver) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** {@code phone}, {@code desktop}, {@code projector}: for screenshot names. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
