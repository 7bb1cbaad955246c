package io.ordersaga.inventory.products;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The catalog. */
public interface Products extends Repository<Product, String> {

    List<Product> findAllByOrderBySku();

    /** Locks one product for the rest of the transaction: an operator's count ({@link Catalog#setOnHand}). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Product p where p.sku = :sku")
    Optional<Product> lock(@Param("sku") String sku);

    Product save(Product product);
}
