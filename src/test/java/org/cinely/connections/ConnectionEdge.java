package org.cinely.connections;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * Only for the benchmark's naive JPA version of "people you may know" (the app reads the graph
 * with jOOQ and has no entity for it).
 */
@Entity
@Table(name = "connections")
@IdClass(ConnectionEdge.Key.class)
public class ConnectionEdge {

    public record Key(Long memberId, Long otherId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    Long memberId;

    @Id
    Long otherId;

    protected ConnectionEdge() {}

    public Long getOtherId() {
        return otherId;
    }
}
