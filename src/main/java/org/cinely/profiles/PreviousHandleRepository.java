package org.cinely.profiles;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PreviousHandleRepository extends JpaRepository<PreviousHandle, String> {

    /** A handle in use again leads to its new owner, never to an earlier one. */
    @Modifying
    @Query("delete from PreviousHandle p where p.handle = :handle")
    int forget(String handle);
}
