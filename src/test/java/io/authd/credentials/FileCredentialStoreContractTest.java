package io.authd.credentials;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

class FileCredentialStoreContractTest extends CredentialStoreContract {
    @TempDir
    Path dir;

    @Override
    protected CredentialStore storeHolding(List<UserCredentials> users) {
        return FileCredentialStore.open(Fixtures.file(dir.resolve("credentials.yaml"), users));
    }
}
