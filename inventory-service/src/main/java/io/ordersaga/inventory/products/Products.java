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

    /**
     * Locks the products with these SKUs for the rest of the transaction and returns them; SKUs that
     * do not exist are simply missing. Rows are locked in SKU order (PostgreSQL locks them as the
     * sorted rows are returned), so two transactions locking overlapping sets always acquire the
     * shared rows in the same order and cannot deadlock.
     *
     * <p>The SKUs are one array parameter ({@code = any}), not a JPQL {@code in :skus}: Hibernate
     * cannot cache the translation of a query with a collection parameter (its SQL depends on the
     * collection's size), so it translated that query again for every order, more than a third of the
     * time inventory spent in this method (docs/performance.md, the fifteenth round).
     */
    @Query(nativeQuery = true, value = "select * from products where sku = any(:skus) order by sku for update")
    List<Product> lockAll(@Param("skus") String[] skus);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Product p where p.sku = :sku")
    Optional<Product> lock(@Param("sku") String sku);

    Product save(Product product);
}
