package com.northwind.clinic.web;

import com.northwind.clinic.domain.Appointment;
import com.northwind.clinic.domain.AppointmentService;
import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@RequestMapping("/appointments")
public class AppointmentController {

    private final AppointmentService appointments;

    public AppointmentController(AppointmentService appointments) {
        this.appointments = appointments;
    }

    @GetMapping("/{id}")
    public String show(@PathVariable long id, Model model) {
        model.addAttribute("appointment", appointments.get(id));
        return "appointments/show";
    }

    @PostMapping
    public String book(@Valid @ModelAttribute("form") AppointmentForm form,
                       BindingResult errors,
                       Principal principal) {
        if (errors.hasErrors()) {
            return "appointments/new";
        }
        Appointment saved = appointments.book(form, principal.getName());
        return "redirect:/appointments/" + saved.getId();
    }

    @PostMapping("/{id}/cancel")
    public String cancel(@PathVariable long id,
                         @RequestParam(name = "returnTo", required = false) String returnTo) {
        appointments.cancel(id);
        if (returnTo == null) {
            return "redirect:/appointments";
        }
        return "redirect:" + returnTo;
    }

    @PostMapping("/{id}/reschedule")
    public String reschedule(@PathVariable long id,
                             @Valid @ModelAttribute("form") AppointmentForm form,
                             @RequestParam(name = "next", defaultValue = "/appointments") String next) {
        appointments.reschedule(id, form);
        if (next.startsWith("/")) {
            return "redirect:" + next;
        }
        return "redirect:/appointments/" + id;
    }

    @PostMapping("/{id}/notes")
    public String addNote(@PathVariable long id,
                          @RequestParam String text,
                          @RequestParam(name = "back", required = false) String back) {
        appointments.addNote(id, text);
        return "redirect:" + RedirectTargets.localOrDefault(back);
    }

    @GetMapping("/today")
    public String today(Principal principal) {
        return "redirect:/appointments?day=today&clinician=" + principal.getName();
    }
}
