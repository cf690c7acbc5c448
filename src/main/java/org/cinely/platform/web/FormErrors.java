package org.cinely.platform.web;

import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Every problem of a submitted form in one response. When a typed value cannot be converted
 * ("abc" for an amount, "2026-13-45" for a date), Spring still builds the form record, with that
 * value left null, and records the conversion error; but the BindingResult it hands over then has
 * no target, and the form's own annotations were not checked, so only the conversion errors
 * would show and the rest would wait for the next submit. {@link #complete} returns a result bound
 * to the form that holds the conversion errors and the bean validation of every other field, and
 * lets the caller's rules across fields add theirs. Each unreadable value stays on the page as
 * typed (it is its error's rejected value).
 */
@Component
public class FormErrors {

    private final SpringValidatorAdapter validator;

    public FormErrors(Validator validator) {
        this.validator = new SpringValidatorAdapter(validator);
    }

    /**
     * True when a typed value is over its length ({@code @Size}, checked as the form is bound):
     * the caller then shows the form as typed, with that error, and does no other work (no
     * parsing, no look-ups): a 200 KB field must cost no more than a short one.
     */
    public static boolean tooLong(Errors errors) {
        return errors.getFieldErrors().stream().anyMatch(error -> "Size".equals(error.getCode()));
    }

    /** The errors of {@code form}, complete, and put in the model for the page to show. */
    public BindingResult complete(Object form, BindingResult result, Model model) {
        if (result.getTarget() != null) {
            return result;
        }
        BeanPropertyBindingResult bound = new BeanPropertyBindingResult(form, result.getObjectName());
        bound.addAllErrors(result);
        BeanPropertyBindingResult checked = new BeanPropertyBindingResult(form, result.getObjectName());
        validator.validate(form, checked);
        // A value that could not be read is null in the form: its "required" is not news.
        checked.getFieldErrors().stream()
                .filter(error -> !result.hasFieldErrors(error.getField()))
                .forEach(bound::addError);
        checked.getGlobalErrors().forEach(bound::addError);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + result.getObjectName(), bound);
        return bound;
    }
}
