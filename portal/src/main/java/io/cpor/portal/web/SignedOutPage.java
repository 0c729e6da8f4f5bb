package io.cpor.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where signing out ends. */
@Controller
class SignedOutPage {

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }
}
