package org.cinely.works;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Browse shared work. Nothing can be uploaded yet, so it shows its empty state. */
@Controller
class WorksController {

    @GetMapping("/works")
    String showWorks() {
        return "works/browse";
    }
}
