package io.ordersaga.notification.notifications;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a notification's two parts from its kind's Thymeleaf templates: {@code mail/text/<kind>.txt}
 * (TEXT mode) and {@code mail/html/<kind>.html} (HTML mode, values escaped). An engine of its own,
 * not a web view resolver: the templates are mail, not pages.
 */
@Component
class MailTemplates {

    private final TemplateEngine engine = new TemplateEngine();

    MailTemplates() {
        engine.addTemplateResolver(resolver("text/*", ".txt", TemplateMode.TEXT, 1));
        engine.addTemplateResolver(resolver("html/*", ".html", TemplateMode.HTML, 2));
    }

    RenderedMail render(NotificationRequest request) {
        var context = new Context(Locale.ENGLISH, request.variables());
        context.setVariable("subject", request.subject());
        String template = request.kind().template();
        return new RenderedMail(
                request.subject(),
                engine.process("text/" + template, context),
                engine.process("html/" + template, context));
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, String suffix, TemplateMode mode, int order) {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(suffix);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** A notification's e-mail: subject, plain-text part and HTML part. */
    record RenderedMail(String subject, String text, String html) {}
}
