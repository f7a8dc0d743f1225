package io.faceswap.task;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One row that dispatchers lock while they count running tasks and claim the next: the running limit then holds
 * across every server that shares the database, not just within one.
 */
@Entity
@Table(name = "dispatch_lock")
public class DispatchLock {
    static final int ID = 1; // the row V2 inserts

    @Id
    private int id;

    protected DispatchLock() {}
}
