package org.cinely.jobs;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The job board. No listings can be posted yet, so it shows its empty state. */
@Controller
class JobBoardController {

    @GetMapping("/jobs")
    String showJobBoard() {
        return "jobs/board";
    }
}
