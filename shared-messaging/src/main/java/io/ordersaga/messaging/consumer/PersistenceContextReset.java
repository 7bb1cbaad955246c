package io.ordersaga.messaging.consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;

/**
 * Empties the transaction's JPA persistence context after each record of a poll, once its writes
 * are flushed. The records of a poll share one transaction, and so one persistence context: without
 * this, the flush after the k-th record dirty-checks the entities of all k records before it, and a
 * poll's cost grows with the square of its size. Each record's handler loads what it needs anyway.
 */
final class PersistenceContextReset implements RecordBoundary {

    private final EntityManagerFactory entityManagerFactory;

    PersistenceContextReset(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    @Override
    public void afterRecord() {
        EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory);
        if (entityManager != null) {
            entityManager.clear();
        }
    }
}
