package org.cinely.platform.mail;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** The dev outbox, newest first. */
public interface OutboxMailRepository extends JpaRepository<OutboxMail, Long> {

    List<OutboxMail> findAllByOrderByIdDesc(Pageable page);

    List<OutboxMail> findByRecipientOrderByIdDesc(String recipient);
}
