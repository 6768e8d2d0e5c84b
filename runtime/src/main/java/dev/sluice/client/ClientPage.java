package dev.sluice.client;

import java.util.List;

/**
 * One page of clients in creation order.
 *
 * @param clients the clients of the page
 * @param total how many clients there are in all
 */
public record ClientPage(List<Client> clients, long total) {

    public ClientPage {
        clients = List.copyOf(clients);
    }
}
