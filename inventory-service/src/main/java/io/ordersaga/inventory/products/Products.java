package io.ordersaga.inventory.products;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The catalog. */
public interface Products extends Repository<Product, String> {

    List<Product> findAllByOrderBySku();

    /**
     * Locks the products with these SKUs for the rest of the transaction and returns them; SKUs that
     * do not exist are simply missing. Rows are locked in SKU order (PostgreSQL locks them as the
     * sorted rows are returned), so two transactions locking overlapping sets always acquire the
     * shared rows in the same order and cannot deadlock.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Product p where p.sku in :skus order by p.sku")
    List<Product> lockAll(@Param("skus") Collection<String> skus);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Product p where p.sku = :sku")
    Optional<Product> lock(@Param("sku") String sku);

    Product save(Product product);
}
