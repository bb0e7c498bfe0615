package dev.bespoke.server.reliability.faults;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code fulldisk:/path}) that passes everything to the disk until the test
 * fills it: from then on every write fails as a full disk does ({@code ENOSPC}, "No space left on
 * device"), which no test can arrange on a shared CI machine's real disk.
 */
public final class FullDisk extends FilePathWrapper {

  static final String SCHEME = "fulldisk";

  private static volatile boolean full;

  static void register() {
    FilePath.register(new FullDisk());
  }

  static void fill() {
    full = true;
  }

  static void free() {
    full = false;
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    return new Channel(getBase().open(mode));
  }

  private static void refuseWhenFull() throws IOException {
    if (full) {
      throw new IOException("No space left on device");
    }
  }

  /** Reads and locks pass through; writes fail while the disk is full. */
  private static final class Channel extends FileBase {

    private final FileChannel base;

    Channel(FileChannel base) {
      this.base = base;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return base.read(dst);
    }

    @Override
    public synchronized int read(ByteBuffer dst, long position) throws IOException {
      return base.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      refuseWhenFull();
      return base.write(src);
    }

    @Override
    public synchronized int write(ByteBuffer src, long position) throws IOException {
      refuseWhenFull();
      return base.write(src, position);
    }

    @Override
    public long position() throws IOException {
      return base.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      base.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return base.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      base.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      refuseWhenFull();
      base.force(metaData);
    }

    @Override
    public synchronized FileLock tryLock(long position, long size, boolean shared)
        throws IOException {
      return base.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      base.close();
    }
  }
}
