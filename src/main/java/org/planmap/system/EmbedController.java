package org.planmap.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The minimal embed mode for an {@code <iframe>}: {@code /embed} serves the same page as {@code /}; the front end
 * sees the path and strips itself to map and legend (body class {@code pm-embed}). Its relative URLs resolve as
 * from {@code /}, so the page works unchanged (also under a context path). A deployment that limits framing
 * ({@code frame-ancestors}) allows it on this path only.
 */
@Controller
class EmbedController {

    @GetMapping("/embed")
    String embed() {
        return "forward:/index.html";
    }
}
